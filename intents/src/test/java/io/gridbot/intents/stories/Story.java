package io.gridbot.intents.stories;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One conversation story: what the customer does and what the assistant must answer (format in
 * {@code stories/README.md}).
 */
record Story(String file, String name, String user, List<Step> steps) {

  /** One line of a story. */
  sealed interface Step {
    int line();

    /** The customer says something. */
    record Say(int line, String text) implements Step {}

    /** The next reply's template key and/or text fragment. */
    record Expect(int line, String template, String contains) implements Step {}

    /** The message got no reply. */
    record Silence(int line) implements Step {}

    /** A directive: location, image, redeliver, idle, race, agent …. */
    record Directive(int line, String verb, String argument) implements Step {}

    /** A check of the conversation's state. */
    record Check(int line, String what, String argument) implements Step {}
  }

  static List<Story> parse(String file, String text) {
    List<Story> stories = new ArrayList<>();
    String name = null;
    String user = null;
    List<Step> steps = null;
    int n = 0;
    try (BufferedReader in = new BufferedReader(new StringReader(text))) {
      String raw;
      while ((raw = in.readLine()) != null) {
        n++;
        String line = raw.strip();
        if (line.isEmpty() || (line.startsWith("#") && !line.startsWith("## "))) {
          continue;
        }
        if (line.startsWith("## ")) {
          if (name != null) {
            stories.add(new Story(file, name, user, steps));
          }
          name = line.substring(3).strip();
          user = null;
          steps = new ArrayList<>();
          continue;
        }
        if (steps == null) {
          throw new IllegalArgumentException(file + ":" + n + ": a story starts with '## name'");
        }
        if (line.startsWith("@ user ")) {
          user = line.substring(7).strip();
        } else if (line.equals("<>")) {
          steps.add(new Step.Silence(n));
        } else if (line.startsWith(">")) {
          steps.add(new Step.Say(n, line.substring(1).strip()));
        } else if (line.startsWith("<")) {
          steps.add(expect(file, n, line.substring(1).strip()));
        } else if (line.startsWith("~")) {
          String[] parts = line.substring(1).strip().split("\\s+", 2);
          steps.add(new Step.Directive(n, parts[0], parts.length > 1 ? parts[1] : ""));
        } else if (line.startsWith("?")) {
          String[] parts = line.substring(1).strip().split("\\s+", 2);
          steps.add(new Step.Check(n, parts[0], parts.length > 1 ? parts[1] : ""));
        } else {
          throw new IllegalArgumentException(file + ":" + n + ": cannot read '" + line + "'");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (name != null) {
      stories.add(new Story(file, name, user, steps));
    }
    return stories;
  }

  private static Step.Expect expect(String file, int n, String spec) {
    String template = null;
    String contains = null;
    int quote = spec.indexOf('"');
    if (quote >= 0) {
      int end = spec.lastIndexOf('"');
      if (end <= quote) {
        throw new IllegalArgumentException(file + ":" + n + ": unclosed quote");
      }
      contains = spec.substring(quote + 1, end);
      spec = spec.substring(0, quote).strip();
    }
    if (!spec.isEmpty()) {
      template = spec;
    }
    if (template == null && contains == null) {
      throw new IllegalArgumentException(file + ":" + n + ": '<' needs a template key or a text");
    }
    return new Step.Expect(n, template, contains);
  }

  @Override
  public String toString() {
    return file + ": " + name;
  }
}
