package io.gridbot.dialog.nlu;

import java.util.List;

/** Finds entities of one or more types in a text. Implementations are thread-safe. */
public interface EntityExtractor {

  /** The entities found in {@code text}, in order of appearance; empty when there are none. */
  List<Entity> extract(String text);
}
