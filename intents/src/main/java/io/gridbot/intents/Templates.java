package io.gridbot.intents;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import io.gridbot.dialog.channel.Reply;
import io.gridbot.dialog.form.Prompt;
import io.gridbot.dialog.tracker.Event;
import io.gridbot.dialog.tracker.Tracker;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The assistant's reply texts: Mustache templates ({@code {{name}}}, sections for optional parts)
 * from {@code replies_zh.properties} and every {@code replies/*.properties} beside it, UTF-8. A key
 * may have variants {@code key#2}, {@code key#3} …; one is picked at random each time, so the
 * assistant does not sound like a recording. Replies carry their key, which tests and metrics use.
 */
public final class Templates {

  private static final String ROOT = "io/gridbot/intents/";
  private static final Mustache.Compiler COMPILER =
      Mustache.compiler().escapeHTML(false).strictSections(false);

  private final Map<String, List<Template>> templates;
  private final IntUnaryOperator picker;

  /** Loads the bundled templates, picking variants at random; fails when any is broken. */
  public Templates() {
    this(n -> ThreadLocalRandom.current().nextInt(n));
  }

  /**
   * Loads the bundled templates.
   *
   * @param picker given the number of variants, the index of the one to use
   */
  public Templates(IntUnaryOperator picker) {
    this.picker = picker;
    Map<String, String> texts = new TreeMap<>();
    List<Resource> files = new ArrayList<>();
    try {
      PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
      files.add(resolver.getResource("classpath:" + ROOT + "replies_zh.properties"));
      files.addAll(List.of(resolver.getResources("classpath*:" + ROOT + "replies/*.properties")));
      for (Resource file : files) {
        if (!file.exists()) {
          throw new IllegalStateException(file + " is missing from the classpath");
        }
        Properties p = new Properties();
        try (InputStream in = file.getInputStream()) {
          p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        for (String key : p.stringPropertyNames()) {
          if (texts.put(key, p.getProperty(key)) != null) {
            throw new IllegalStateException("reply template " + key + " defined twice");
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, List<Template>> compiled = new HashMap<>();
    for (Map.Entry<String, String> e : texts.entrySet()) {
      String key = e.getKey();
      int hash = key.indexOf('#');
      String base = hash < 0 ? key : key.substring(0, hash);
      try {
        compiled.computeIfAbsent(base, k -> new ArrayList<>()).add(COMPILER.compile(e.getValue()));
      } catch (MustacheException ex) {
        throw new IllegalStateException("reply template " + key + " is broken: " + ex, ex);
      }
    }
    for (String key : compiled.keySet()) {
      if (!texts.containsKey(key)) {
        throw new IllegalStateException("reply template variants without a base: " + key);
      }
    }
    compiled.replaceAll((k, v) -> List.copyOf(v));
    this.templates = Map.copyOf(compiled);
  }

  /** Whether a template {@code key} exists. */
  public boolean has(String key) {
    return templates.containsKey(key);
  }

  /** How many variants {@code key} has. */
  public int variants(String key) {
    return variantsOf(key).size();
  }

  /**
   * The text of {@code key} (one of its variants) with {@code values} filled in.
   *
   * @throws IllegalArgumentException when the key is unknown or a value is missing
   */
  public String render(String key, Map<String, ?> values) {
    List<Template> variants = variantsOf(key);
    Template t = variants.get(variants.size() == 1 ? 0 : picker.applyAsInt(variants.size()));
    try {
      return t.execute(values).strip();
    } catch (MustacheException e) {
      throw new IllegalArgumentException("template " + key + ": " + e.getMessage(), e);
    }
  }

  public String render(String key) {
    return render(key, Map.of());
  }

  /** A text reply from {@code key}. */
  public Event.BotUttered say(String key, Map<String, ?> values) {
    return new Event.BotUttered(Reply.text(render(key, values)), key);
  }

  public Event.BotUttered say(String key) {
    return say(key, Map.of());
  }

  /** A question from {@code key} with numbered options. */
  public Event.BotUttered options(String key, Map<String, ?> values, List<String> options) {
    return new Event.BotUttered(Reply.options(render(key, values), options), key);
  }

  /** A text from {@code key} with a link (e.g. a payment page). */
  public Event.BotUttered link(String key, Map<String, ?> values, String title, String url) {
    return new Event.BotUttered(new Reply.Link(render(key, values), title, url), key);
  }

  /**
   * A card: the title from {@code key}, each line from {@code key.line} rendered with its values.
   */
  public Event.BotUttered card(
      String key, Map<String, ?> values, List<? extends Map<String, ?>> lines, String url) {
    List<String> rendered = lines.stream().map(l -> render(key + ".line", l)).toList();
    return new Event.BotUttered(new Reply.Card(render(key, values), rendered, url), key);
  }

  /** A prompt saying {@code key} with no values. */
  public Prompt prompt(String key) {
    variantsOf(key);
    return tracker -> say(key);
  }

  /** A prompt saying {@code key} with values taken from the conversation. */
  public Prompt prompt(String key, Function<Tracker, Map<String, ?>> values) {
    variantsOf(key);
    return tracker -> say(key, values.apply(tracker));
  }

  private List<Template> variantsOf(String key) {
    List<Template> variants = templates.get(key);
    if (variants == null) {
      throw new IllegalArgumentException("no reply template " + key);
    }
    return variants;
  }
}
