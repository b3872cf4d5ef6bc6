package io.gridbot.dialog.nlu;

import java.time.Instant;
import java.util.List;

/** Finds entities of one or more types in a text. Implementations are thread-safe. */
public interface EntityExtractor {

  /**
   * The entities found in {@code text}, in order of appearance; empty when there are none.
   *
   * @param text the raw message text, never null
   * @param at when the message was sent: relative expressions (明天, 下周三) are resolved against it
   */
  List<Entity> extract(String text, Instant at);
}
