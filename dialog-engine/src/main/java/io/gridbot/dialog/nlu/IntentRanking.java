package io.gridbot.dialog.nlu;

import java.util.Objects;

/** One intent and the classifier's confidence in it, between 0 and 1. */
public record IntentRanking(String intent, double confidence) {
  public IntentRanking {
    Objects.requireNonNull(intent, "intent");
    if (confidence < 0 || confidence > 1 || Double.isNaN(confidence)) {
      throw new IllegalArgumentException("confidence out of [0,1]: " + confidence);
    }
  }
}
