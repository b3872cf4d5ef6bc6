package io.gridbot.dialog.form;

import java.util.Objects;

/**
 * One option offered for a slot: the customer sees {@code label} and may answer with its number, an
 * ordinal ("第二个") or the label itself; the slot takes {@code value}.
 */
public record Choice(String label, String value) {
  public Choice {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(value, "value");
    if (label.isBlank() || value.isBlank()) {
      throw new IllegalArgumentException("a choice needs a label and a value");
    }
  }
}
