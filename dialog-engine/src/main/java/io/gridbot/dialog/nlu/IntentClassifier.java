package io.gridbot.dialog.nlu;

import java.util.List;

/** Ranks the intents a text may express. Implementations are thread-safe. */
public interface IntentClassifier {

  /**
   * Ranks the known intents for {@code text}, best first, confidences summing to at most 1.
   *
   * @param text the raw message text, never null
   * @return at least one ranking
   */
  List<IntentRanking> rank(String text);
}
