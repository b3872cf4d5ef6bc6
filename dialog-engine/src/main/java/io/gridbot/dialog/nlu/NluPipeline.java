package io.gridbot.dialog.nlu;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Parses a message: ranks intents with a classifier, applies the confidence threshold (below it the
 * intent is {@link ParseResult#FALLBACK}) and collects the entities of every extractor.
 */
public final class NluPipeline {

  private final IntentClassifier classifier;
  private final List<EntityExtractor> extractors;
  private final double threshold;

  public NluPipeline(
      IntentClassifier classifier, List<EntityExtractor> extractors, double threshold) {
    this.classifier = Objects.requireNonNull(classifier, "classifier");
    this.extractors = List.copyOf(extractors);
    if (threshold < 0 || threshold > 1) {
      throw new IllegalArgumentException("threshold out of [0,1]: " + threshold);
    }
    this.threshold = threshold;
  }

  public ParseResult parse(String text) {
    List<IntentRanking> ranking = new ArrayList<>(classifier.rank(text));
    ranking.sort(Comparator.comparingDouble(IntentRanking::confidence).reversed());
    IntentRanking top =
        ranking.isEmpty() || ranking.get(0).confidence() < threshold
            ? new IntentRanking(
                ParseResult.FALLBACK, ranking.isEmpty() ? 0 : ranking.get(0).confidence())
            : ranking.get(0);
    List<Entity> entities = new ArrayList<>();
    for (EntityExtractor extractor : extractors) {
      entities.addAll(extractor.extract(text));
    }
    entities.sort(Comparator.comparingInt(Entity::start));
    return new ParseResult(text, top, ranking, entities);
  }
}
