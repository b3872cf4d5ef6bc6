package io.gridbot.dialog.nlu;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Parses a message: ranks intents with a classifier, applies the confidence threshold (below it the
 * intent is {@link ParseResult#FALLBACK}) and collects the entities of every extractor.
 */
public final class NluPipeline {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(NluPipeline.class);

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

  /**
   * Parses {@code text} sent at {@code at}. Where entities of different extractors overlap, the
   * longer span wins (on a tie, the extractor listed first). An extractor that throws is logged and
   * skipped: the others' entities and the intent still count.
   */
  public ParseResult parse(String text, Instant at) {
    List<IntentRanking> ranking = new ArrayList<>(classifier.rank(text));
    ranking.sort(Comparator.comparingDouble(IntentRanking::confidence).reversed());
    IntentRanking top =
        ranking.isEmpty() || ranking.get(0).confidence() < threshold
            ? new IntentRanking(
                ParseResult.FALLBACK, ranking.isEmpty() ? 0 : ranking.get(0).confidence())
            : ranking.get(0);
    return new ParseResult(text, top, ranking, extractEntities(text, at));
  }

  /** The entities of every extractor, overlaps resolved, in order of appearance. */
  public List<Entity> extractEntities(String text, Instant at) {
    List<Entity> candidates = new ArrayList<>();
    for (EntityExtractor extractor : extractors) {
      try {
        candidates.addAll(extractor.extract(text, at));
      } catch (RuntimeException e) {
        // a defect in one extractor must not cost the customer the rest of the parse;
        // the text is not logged: it may hold personal data
        log.warn(
            "{} failed on a text of {} characters",
            extractor.getClass().getSimpleName(),
            text.length(),
            e);
      }
    }
    // stable sort: longest first, extractor order kept among equals
    candidates.sort(Comparator.comparingInt((Entity e) -> e.end() - e.start()).reversed());
    List<Entity> kept = new ArrayList<>();
    for (Entity candidate : candidates) {
      if (kept.stream()
          .noneMatch(k -> k.start() < candidate.end() && candidate.start() < k.end())) {
        kept.add(candidate);
      }
    }
    kept.sort(Comparator.comparingInt(Entity::start));
    return kept;
  }
}
