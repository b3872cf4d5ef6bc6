package io.gridbot.intents.nlu.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingDataTest {

  @Test
  void nearDuplicatesCountOnceAndConflictsAreDropped() {
    Map<String, List<String>> lines = new LinkedHashMap<>();
    lines.put("pay_bill", List.of("帮我交100元", "帮我交 200 元！", "幫我交300元", "交电费"));
    lines.put("deny", List.of("算了", "交电费"));

    TrainingData data = TrainingData.of(lines);

    assertThat(data.examples()).extracting(e -> e.text()).containsExactly("帮我交100元", "算了");
    assertThat(data.duplicates()).isEqualTo(2);
    assertThat(data.conflicts()).containsOnlyKeys("交电费");
    assertThat(data.conflicts().get("交电费")).containsExactly("pay_bill", "deny");
  }

  @Test
  void tsvNeedsTextTabIntent(@TempDir Path dir) throws Exception {
    Path good = dir.resolve("good.tsv");
    Files.writeString(
        good,
        "text\tintent\n我家电费还剩多少\tcheck_balance\n\n转人工\thuman_agent\n",
        StandardCharsets.UTF_8);
    assertThat(TrainingData.readTsv(good))
        .extracting(e -> e.intent())
        .containsExactly("check_balance", "human_agent");

    Path bad = dir.resolve("bad.tsv");
    Files.writeString(bad, "text\tintent\n只有文字没有意图\n", StandardCharsets.UTF_8);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TrainingData.readTsv(bad))
        .withMessageContaining(":2:");
  }

  @Test
  void bundledDataCoversTheWholeCatalogue() {
    assertThat(TrainingData.load().counts()).containsOnlyKeys(IntentCatalogue.INTENTS);
  }
}
