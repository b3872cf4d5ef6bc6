package io.gridbot.dialog.nlu;

import java.util.Objects;

/**
 * An entity found in a message.
 *
 * @param name the entity type, e.g. {@code amount}, {@code account_no}
 * @param value the normalised value, e.g. {@code 100.00}
 * @param start start offset in the original text (inclusive)
 * @param end end offset in the original text (exclusive)
 * @param text the span as written
 */
public record Entity(String name, String value, int start, int end, String text) {
  public Entity {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span " + start + ".." + end);
    }
  }
}
