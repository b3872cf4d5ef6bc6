package io.gridbot.intents.nlu.training;

import io.gridbot.dialog.nlu.OpenNlpIntentClassifier;
import io.gridbot.dialog.nlu.TrainingSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Trains the intent model at build time and writes it beside the classes, with the fingerprint of
 * the data it was trained on, so that the server loads it at start-up instead of training.
 */
public final class IntentModelBuilder {

  /** Classpath location of the bundled model. */
  static final String MODEL = "io/gridbot/intents/nlu/intent-model.bin";

  /** Classpath location of the fingerprint of the data the bundled model was trained on. */
  static final String FINGERPRINT = "io/gridbot/intents/nlu/intent-model.sha256";

  private IntentModelBuilder() {}

  /**
   * @param args the output directory (the module's classes directory)
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: IntentModelBuilder <classes-directory>");
    }
    long started = System.nanoTime();
    TrainingData data = TrainingData.load();
    TrainingSettings settings = TrainingSettings.defaults();
    OpenNlpIntentClassifier classifier = OpenNlpIntentClassifier.train(data.examples(), settings);
    Path root = Path.of(args[0]);
    Path model = root.resolve(MODEL);
    Files.createDirectories(model.getParent());
    try (OutputStream out = Files.newOutputStream(model)) {
      classifier.save(out);
    }
    Files.writeString(
        root.resolve(FINGERPRINT), data.fingerprint(settings), StandardCharsets.UTF_8);
    System.out.printf(
        "intent model: %d examples, %d intents, trained in %d ms, written to %s%n",
        data.examples().size(),
        classifier.intents().size(),
        (System.nanoTime() - started) / 1_000_000,
        model);
  }
}
