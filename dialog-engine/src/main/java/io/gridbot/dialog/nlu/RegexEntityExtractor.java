package io.gridbot.dialog.nlu;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts entities of one type with a regular expression. The value is the named group {@code
 * value} when the pattern has one, else the whole match. Full-width digits and letters are matched
 * as their ASCII forms; spans refer to the original text.
 */
public final class RegexEntityExtractor implements EntityExtractor {

  private final String entity;
  private final Pattern pattern;
  private final boolean hasValueGroup;

  public RegexEntityExtractor(String entity, Pattern pattern) {
    this.entity = Objects.requireNonNull(entity, "entity");
    this.pattern = Objects.requireNonNull(pattern, "pattern");
    this.hasValueGroup = pattern.pattern().contains("(?<value>");
  }

  @Override
  public List<Entity> extract(String text, Instant at) {
    String normalised = TextNormalizer.toHalfWidth(text);
    List<Entity> found = new ArrayList<>();
    Matcher m = pattern.matcher(normalised);
    while (m.find()) {
      int start = hasValueGroup ? m.start("value") : m.start();
      int end = hasValueGroup ? m.end("value") : m.end();
      found.add(
          new Entity(
              entity, normalised.substring(start, end), start, end, text.substring(start, end)));
    }
    return found;
  }
}
