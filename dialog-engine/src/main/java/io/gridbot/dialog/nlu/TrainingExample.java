package io.gridbot.dialog.nlu;

import java.util.Objects;

/** One labelled utterance: what a customer typed and the intent it expresses. */
public record TrainingExample(String text, String intent) {
  public TrainingExample {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(intent, "intent");
    if (intent.isBlank()) {
      throw new IllegalArgumentException("blank intent for example: " + text);
    }
  }
}
