package io.gridbot.intents.nlu.training;

import io.gridbot.dialog.nlu.EntityExtractor;
import io.gridbot.dialog.nlu.NluPipeline;
import io.gridbot.dialog.nlu.OpenNlpIntentClassifier;
import io.gridbot.dialog.nlu.TrainingSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the assistant's NLU: the intent model trained on the bundled data, and the extractors. */
public final class AssistantNlu {

  private static final Logger log = LoggerFactory.getLogger(AssistantNlu.class);

  private AssistantNlu() {}

  /**
   * The intent model of the bundled training data: the one trained at build time when it was
   * trained on exactly this data, else trained now (a second or more).
   */
  public static OpenNlpIntentClassifier classifier() {
    long started = System.nanoTime();
    TrainingData data = TrainingData.load();
    TrainingSettings settings = TrainingSettings.defaults();
    String fingerprint = data.fingerprint(settings);
    Optional<OpenNlpIntentClassifier> bundled = bundled(fingerprint);
    OpenNlpIntentClassifier classifier =
        bundled.orElseGet(() -> OpenNlpIntentClassifier.train(data.examples(), settings));
    log.info(
        "intent model {} ({} examples, {} intents) in {} ms",
        bundled.isPresent() ? "loaded" : "trained",
        data.examples().size(),
        classifier.intents().size(),
        (System.nanoTime() - started) / 1_000_000);
    return classifier;
  }

  static Optional<OpenNlpIntentClassifier> bundled(String fingerprint) {
    ClassLoader loader = AssistantNlu.class.getClassLoader();
    try (InputStream stamp = loader.getResourceAsStream(IntentModelBuilder.FINGERPRINT)) {
      if (stamp == null) {
        log.warn("no intent model was built with the classes; training at start-up");
        return Optional.empty();
      }
      if (!new String(stamp.readAllBytes(), StandardCharsets.UTF_8).strip().equals(fingerprint)) {
        log.warn("the bundled intent model was trained on other data; training at start-up");
        return Optional.empty();
      }
      try (InputStream model = loader.getResourceAsStream(IntentModelBuilder.MODEL)) {
        return model == null ? Optional.empty() : Optional.of(OpenNlpIntentClassifier.load(model));
      }
    } catch (IOException e) {
      log.warn("the bundled intent model cannot be read ({}); training at start-up", e.toString());
      return Optional.empty();
    }
  }

  /**
   * The full pipeline.
   *
   * @param threshold intent confidence under which a message is a fallback
   * @param extractors the entity extractors, in order of precedence
   */
  public static NluPipeline pipeline(double threshold, List<EntityExtractor> extractors) {
    return new NluPipeline(classifier(), extractors, threshold);
  }
}
