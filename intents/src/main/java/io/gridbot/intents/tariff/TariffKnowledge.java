package io.gridbot.intents.tariff;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The tariff figures and topic keywords of {@code knowledge/tariff.properties}: which topic a
 * question is about, and the numbers the answers quote.
 */
final class TariffKnowledge {

  static final String RESOURCE = "/io/gridbot/intents/knowledge/tariff.properties";

  private final Properties values;
  private final List<String> topics;

  private TariffKnowledge(Properties values) {
    this.values = values;
    this.topics = split(require(values, "topics"));
    for (String topic : topics) {
      require(values, topic + ".keywords");
    }
  }

  /** The bundled knowledge; fails when the file is missing or a topic lacks keywords. */
  static TariffKnowledge load() {
    Properties p = new Properties();
    try (InputStream in = TariffKnowledge.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new TariffKnowledge(p);
  }

  /** The first topic (in the file's order) one of whose keywords the question contains. */
  Optional<String> topicOf(String question) {
    for (String topic : topics) {
      for (String keyword : split(values.getProperty(topic + ".keywords"))) {
        if (question.contains(keyword)) {
          return Optional.of(topic);
        }
      }
    }
    return Optional.empty();
  }

  /** A figure as written in the file. */
  String text(String key) {
    return require(values, key);
  }

  /** A figure as a number. */
  BigDecimal number(String key) {
    return new BigDecimal(text(key));
  }

  private static String require(Properties p, String key) {
    String v = p.getProperty(key);
    if (v == null || v.isBlank()) {
      throw new IllegalStateException("tariff knowledge lacks " + key);
    }
    return v.strip();
  }

  private static List<String> split(String list) {
    return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
