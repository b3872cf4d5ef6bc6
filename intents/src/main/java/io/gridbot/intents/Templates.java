package io.gridbot.intents;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * The assistant's reply texts, from {@code replies_zh.properties}, with {@code {name}} filled in.
 */
public final class Templates {

  private final Properties texts = new Properties();

  /** Loads the bundled templates; fails at start-up when they are missing. */
  public Templates() {
    try (InputStream in = Templates.class.getResourceAsStream("replies_zh.properties")) {
      if (in == null) {
        throw new IllegalStateException("replies_zh.properties is missing from the classpath");
      }
      texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The text of {@code key} with each {@code {name}} replaced by {@code values.get(name)}.
   *
   * @throws IllegalArgumentException when the key is unknown or a placeholder has no value
   */
  public String render(String key, Map<String, ?> values) {
    String text = texts.getProperty(key);
    if (text == null) {
      throw new IllegalArgumentException("no reply template " + key);
    }
    StringBuilder out = new StringBuilder(text.length() + 32);
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf('{', i);
      if (open < 0) {
        out.append(text, i, text.length());
        break;
      }
      int close = text.indexOf('}', open);
      if (close < 0) {
        throw new IllegalArgumentException("unclosed placeholder in template " + key);
      }
      String name = text.substring(open + 1, close);
      Object value = values.get(name);
      if (value == null) {
        throw new IllegalArgumentException("template " + key + " needs a value for " + name);
      }
      out.append(text, i, open).append(value);
      i = close + 1;
    }
    return out.toString();
  }

  public String render(String key) {
    return render(key, Map.of());
  }
}
