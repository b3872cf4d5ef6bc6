package io.gridbot.intents.nlu.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NluEvaluationCommandTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) throws Exception {
    return NluEvaluationCommand.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void testFileGivesReportEndingWithAccuracy(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("test.tsv");
    Files.writeString(
        file,
        "text\tintent\n我家电费还有多少钱\tcheck_balance\n你们那个电价咋算的\ttariff_query\n今天股市怎么样\tcheck_bill\n",
        StandardCharsets.UTF_8);

    assertThat(run(file.toString())).isZero();

    String report = out.toString(StandardCharsets.UTF_8);
    assertThat(report).contains("check_balance").contains("precision").contains("confusion pairs");
    assertThat(report).contains("今天股市怎么样\tcheck_bill\tout_of_scope");
    assertThat(report.strip().lines().reduce((a, b) -> b)).contains("accuracy: 0.667 (2/3)");
  }

  @Test
  void badInputIsExitCode2WithAMessage(@TempDir Path dir) throws Exception {
    assertThat(run(dir.resolve("missing.tsv").toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read");

    Path bad = dir.resolve("bad.tsv");
    Files.writeString(bad, "text\tintent\nno intent here\n", StandardCharsets.UTF_8);
    assertThat(run(bad.toString())).isEqualTo(2);

    assertThat(run("a", "b")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage");
  }
}
