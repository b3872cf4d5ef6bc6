package io.gridbot.intents.nlu.training;

import io.gridbot.dialog.nlu.IntentEvaluation;
import io.gridbot.dialog.nlu.TrainingExample;
import io.gridbot.dialog.nlu.TrainingSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The NLU evaluation command, like {@code rasa test nlu}. With a TSV file ({@code text<TAB>intent},
 * a header line) it tests the model of all the training data on the file; without one it runs
 * stratified 5-fold cross-validation over the training data. Prints per-intent precision, recall
 * and F1, the confusion pairs, the misclassified lines and, last, {@code accuracy: 0.XXX (N/M)}.
 */
public final class NluEvaluationCommand {

  /** Cross-validation folds. */
  public static final int FOLDS = 5;

  /** The shuffle seed of cross-validation: fixed, so that runs are repeatable. */
  public static final long SEED = 20261127L;

  private NluEvaluationCommand() {}

  public static void main(String[] args) throws IOException {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the command.
   *
   * @return the exit status: 0 when the evaluation ran, 2 on bad arguments or input
   */
  public static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
    if (args.length > 1
        || (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help")))) {
      err.println("usage: nlu-eval [test-file.tsv]   (no file: 5-fold cross-validation)");
      return 2;
    }
    long started = System.nanoTime();
    TrainingData data = TrainingData.load();
    out.printf(
        Locale.ROOT,
        "training data: %d examples, %d intents, %d near-duplicates dropped, %d conflicts dropped%n",
        data.examples().size(),
        IntentCatalogue.INTENTS.size(),
        data.duplicates(),
        data.conflicts().size());
    data.conflicts().forEach((text, intents) -> out.println("  conflict: " + text + " " + intents));
    IntentEvaluation evaluation;
    if (args.length == 0) {
      out.printf("%d-fold cross-validation%n%n", FOLDS);
      evaluation =
          IntentEvaluation.crossValidate(data.examples(), FOLDS, SEED, TrainingSettings.defaults());
    } else {
      Path file = Path.of(args[0]);
      if (!Files.isReadable(file)) {
        err.println("cannot read " + file);
        return 2;
      }
      List<TrainingExample> test;
      try {
        test = TrainingData.readTsv(file);
      } catch (IllegalArgumentException e) {
        err.println(e.getMessage());
        return 2;
      }
      out.printf("test file %s: %d examples%n%n", file, test.size());
      evaluation = IntentEvaluation.test(AssistantNlu.classifier(), test);
    }
    out.printf(Locale.ROOT, "(%.1f s)%n", (System.nanoTime() - started) / 1e9);
    out.println(evaluation.report());
    return 0;
  }
}
