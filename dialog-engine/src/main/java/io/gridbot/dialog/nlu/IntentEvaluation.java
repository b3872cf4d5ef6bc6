package io.gridbot.dialog.nlu;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How well an intent classifier does on labelled examples, in the manner of {@code rasa test nlu}:
 * per-intent precision, recall and F1, the confusion pairs, the misclassified examples and the
 * accuracy. Predictions are the classifier's top intent, without the fallback threshold.
 */
public final class IntentEvaluation {

  /** What the classifier said of one example. */
  public record Prediction(String text, String expected, String predicted, double confidence) {
    public boolean correct() {
      return expected.equals(predicted);
    }
  }

  /** The scores of one intent. */
  public record IntentScore(
      String intent, double precision, double recall, double f1, int support) {}

  private final List<Prediction> predictions;

  private IntentEvaluation(List<Prediction> predictions) {
    this.predictions = List.copyOf(predictions);
  }

  /** Evaluates {@code classifier} on {@code examples}. */
  public static IntentEvaluation test(IntentClassifier classifier, List<TrainingExample> examples) {
    List<Prediction> predictions = new ArrayList<>(examples.size());
    for (TrainingExample example : examples) {
      predictions.add(predict(classifier, example));
    }
    return new IntentEvaluation(predictions);
  }

  /**
   * Stratified k-fold cross-validation: each intent's examples are shuffled with {@code seed} and
   * dealt round-robin into {@code folds} folds; each fold is predicted by a model trained on the
   * others.
   */
  public static IntentEvaluation crossValidate(
      List<TrainingExample> examples, int folds, long seed, TrainingSettings settings) {
    if (folds < 2) {
      throw new IllegalArgumentException("at least 2 folds");
    }
    List<List<TrainingExample>> buckets = new ArrayList<>();
    for (int i = 0; i < folds; i++) {
      buckets.add(new ArrayList<>());
    }
    Map<String, List<TrainingExample>> byIntent =
        examples.stream()
            .collect(
                Collectors.groupingBy(TrainingExample::intent, TreeMap::new, Collectors.toList()));
    Random random = new Random(seed);
    for (List<TrainingExample> group : byIntent.values()) {
      List<TrainingExample> shuffled = new ArrayList<>(group);
      Collections.shuffle(shuffled, random);
      for (int i = 0; i < shuffled.size(); i++) {
        buckets.get(i % folds).add(shuffled.get(i));
      }
    }
    List<Prediction> predictions = new ArrayList<>(examples.size());
    for (int fold = 0; fold < folds; fold++) {
      List<TrainingExample> training = new ArrayList<>();
      for (int other = 0; other < folds; other++) {
        if (other != fold) {
          training.addAll(buckets.get(other));
        }
      }
      IntentClassifier classifier = OpenNlpIntentClassifier.train(training, settings);
      for (TrainingExample example : buckets.get(fold)) {
        predictions.add(predict(classifier, example));
      }
    }
    return new IntentEvaluation(predictions);
  }

  private static Prediction predict(IntentClassifier classifier, TrainingExample example) {
    List<IntentRanking> ranking = classifier.rank(example.text());
    IntentRanking top =
        ranking.stream()
            .max(Comparator.comparingDouble(IntentRanking::confidence))
            .orElse(new IntentRanking(ParseResult.FALLBACK, 0));
    return new Prediction(example.text(), example.intent(), top.intent(), top.confidence());
  }

  public List<Prediction> predictions() {
    return predictions;
  }

  public int correct() {
    return (int) predictions.stream().filter(Prediction::correct).count();
  }

  public int total() {
    return predictions.size();
  }

  public double accuracy() {
    return total() == 0 ? 0 : (double) correct() / total();
  }

  /** Scores of every intent that was expected or predicted, by name. */
  public List<IntentScore> scores() {
    TreeSet<String> intents = new TreeSet<>();
    predictions.forEach(
        p -> {
          intents.add(p.expected());
          intents.add(p.predicted());
        });
    List<IntentScore> scores = new ArrayList<>();
    for (String intent : intents) {
      long tp =
          predictions.stream().filter(p -> p.correct() && p.expected().equals(intent)).count();
      long predicted = predictions.stream().filter(p -> p.predicted().equals(intent)).count();
      long support = predictions.stream().filter(p -> p.expected().equals(intent)).count();
      double precision = predicted == 0 ? 0 : (double) tp / predicted;
      double recall = support == 0 ? 0 : (double) tp / support;
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      scores.add(new IntentScore(intent, precision, recall, f1, (int) support));
    }
    return scores;
  }

  /** The mean F1 over the intents that have examples. */
  public double macroF1() {
    return scores().stream()
        .filter(s -> s.support() > 0)
        .mapToDouble(IntentScore::f1)
        .average()
        .orElse(0);
  }

  /**
   * How often each (expected, predicted) pair of different intents occurred, most frequent first.
   */
  public Map<String, Long> confusions() {
    Map<String, Long> counts =
        predictions.stream()
            .filter(p -> !p.correct())
            .collect(
                Collectors.groupingBy(
                    p -> p.expected() + " -> " + p.predicted(),
                    TreeMap::new,
                    Collectors.counting()));
    Map<String, Long> sorted = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEachOrdered(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  /** The whole report as text; its last line is {@code accuracy: 0.XXX (N/M)}. */
  public String report() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%-22s %9s %9s %9s %8s%n",
            "intent",
            "precision",
            "recall",
            "f1",
            "support"));
    for (IntentScore s : scores()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%-22s %9.3f %9.3f %9.3f %8d%n",
              s.intent(),
              s.precision(),
              s.recall(),
              s.f1(),
              s.support()));
    }
    sb.append(String.format(Locale.ROOT, "macro-f1: %.3f%n%n", macroF1()));
    sb.append("confusion pairs (expected -> predicted: count):\n");
    confusions()
        .forEach((pair, n) -> sb.append("  ").append(pair).append(": ").append(n).append('\n'));
    sb.append("\nmisclassified (text, expected, predicted, confidence):\n");
    predictions.stream()
        .filter(p -> !p.correct())
        .forEach(
            p ->
                sb.append(
                    String.format(
                        Locale.ROOT,
                        "  %s\t%s\t%s\t%.3f%n",
                        p.text(),
                        p.expected(),
                        p.predicted(),
                        p.confidence())));
    sb.append(
        String.format(Locale.ROOT, "%naccuracy: %.3f (%d/%d)", accuracy(), correct(), total()));
    return sb.toString();
  }
}
