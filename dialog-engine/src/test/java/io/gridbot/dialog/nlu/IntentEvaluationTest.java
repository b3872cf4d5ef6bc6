package io.gridbot.dialog.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IntentEvaluationTest {

  /** A classifier that answers "a" unless the text contains "b". */
  private final IntentClassifier classifier =
      text -> List.of(new IntentRanking(text.contains("b") ? "b" : "a", 0.8));

  @Test
  void scoresConfusionsAndAccuracy() {
    IntentEvaluation evaluation =
        IntentEvaluation.test(
            classifier,
            List.of(
                new TrainingExample("a1", "a"),
                new TrainingExample("a2", "a"),
                new TrainingExample("b1", "b"),
                new TrainingExample("x", "b")));

    assertThat(evaluation.correct()).isEqualTo(3);
    assertThat(evaluation.accuracy()).isEqualTo(0.75);
    IntentEvaluation.IntentScore a = evaluation.scores().get(0);
    assertThat(a.intent()).isEqualTo("a");
    assertThat(a.precision()).isEqualTo(2.0 / 3);
    assertThat(a.recall()).isEqualTo(1.0);
    IntentEvaluation.IntentScore b = evaluation.scores().get(1);
    assertThat(b.precision()).isEqualTo(1.0);
    assertThat(b.recall()).isEqualTo(0.5);
    assertThat(evaluation.confusions()).containsExactly(java.util.Map.entry("b -> a", 1L));
    String report = evaluation.report();
    assertThat(report).contains("x\tb\ta\t0.800");
    assertThat(report.lines().reduce((first, second) -> second)).contains("accuracy: 0.750 (3/4)");
  }

  @Test
  void crossValidationPredictsEveryExampleOnce() {
    IntentEvaluation evaluation =
        IntentEvaluation.crossValidate(
            OpenNlpIntentClassifierTest.DATA, 3, 42, TrainingSettings.defaults());
    assertThat(evaluation.total()).isEqualTo(OpenNlpIntentClassifierTest.DATA.size());
    assertThat(evaluation.predictions())
        .extracting(IntentEvaluation.Prediction::text)
        .containsExactlyInAnyOrderElementsOf(
            OpenNlpIntentClassifierTest.DATA.stream().map(TrainingExample::text).toList());
  }
}
