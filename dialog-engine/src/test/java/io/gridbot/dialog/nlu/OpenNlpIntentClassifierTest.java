package io.gridbot.dialog.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class OpenNlpIntentClassifierTest {

  static final List<TrainingExample> DATA = new ArrayList<>();

  static {
    for (String t : List.of("查余额", "余额还剩多少", "我家电费还剩多少钱", "帮我看看余额", "还有多少电费", "余额多少")) {
      DATA.add(new TrainingExample(t, "check_balance"));
    }
    for (String t : List.of("家里停电了", "突然没电了", "跳闸了", "我家断电了快来修", "停电了怎么办", "没电了")) {
      DATA.add(new TrainingExample(t, "report_fault"));
    }
    for (String t : List.of("你好", "您好", "在吗", "hi", "hello", "早上好")) {
      DATA.add(new TrainingExample(t, "greeting"));
    }
  }

  private final OpenNlpIntentClassifier classifier =
      OpenNlpIntentClassifier.train(DATA, TrainingSettings.defaults());

  @Test
  void ranksEveryIntentBestFirstWithProbabilities() {
    List<IntentRanking> ranking = classifier.rank("余额还有多少呀");
    assertThat(ranking).extracting(IntentRanking::intent).first().isEqualTo("check_balance");
    assertThat(ranking)
        .hasSize(3)
        .isSortedAccordingTo((a, b) -> Double.compare(b.confidence(), a.confidence()));
    assertThat(ranking.stream().mapToDouble(IntentRanking::confidence).sum())
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(classifier.rank("家裡停電了").get(0).intent())
        .as("traditional characters")
        .isEqualTo("report_fault");
    assertThat(classifier.intents())
        .containsExactlyInAnyOrder("check_balance", "report_fault", "greeting");
  }

  @Test
  void emptyOrSymbolOnlyTextStillRanks() {
    assertThat(classifier.rank("")).hasSize(3);
    assertThat(classifier.rank("😀!!")).hasSize(3);
  }

  @Test
  void oneModelServesManyThreads() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        String text = i % 2 == 0 ? "余额多少" : "停电了";
        answers.add(pool.submit(() -> classifier.rank(text).get(0).intent()));
      }
      for (int i = 0; i < answers.size(); i++) {
        assertThat(answers.get(i).get()).isEqualTo(i % 2 == 0 ? "check_balance" : "report_fault");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void needsTwoIntents() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> OpenNlpIntentClassifier.train(DATA.subList(0, 6), TrainingSettings.defaults()));
  }
}
