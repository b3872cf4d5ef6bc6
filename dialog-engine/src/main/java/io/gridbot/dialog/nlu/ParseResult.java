package io.gridbot.dialog.nlu;

import java.util.List;
import java.util.Optional;

/**
 * What the NLU made of one message.
 *
 * @param text the text that was parsed
 * @param intent the chosen intent ({@link #FALLBACK} when nothing was confident enough)
 * @param ranking the candidate intents, best first
 * @param entities the entities found, in order of appearance
 */
public record ParseResult(
    String text, IntentRanking intent, List<IntentRanking> ranking, List<Entity> entities) {

  /** The intent chosen when no intent reaches the confidence threshold. */
  public static final String FALLBACK = "nlu_fallback";

  public ParseResult {
    ranking = List.copyOf(ranking);
    entities = List.copyOf(entities);
  }

  public String intentName() {
    return intent.intent();
  }

  /** The first entity of the given type. */
  public Optional<Entity> entity(String name) {
    return entities.stream().filter(e -> e.name().equals(name)).findFirst();
  }
}
