package io.gridbot.intents.bench;

import io.gridbot.dialog.nlu.NluPipeline;
import io.gridbot.dialog.nlu.ParseResult;
import io.gridbot.intents.AssistantExtractors;
import io.gridbot.intents.nlu.training.AssistantNlu;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/**
 * Parse (intent classification and every entity extractor) of typical customer messages on one
 * thread. Run with the command in the README; prints median and p99 microseconds per message and
 * messages per second.
 */
@State(Scope.Thread)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class ParseBenchmark {

  static final String[] MESSAGES = {
    "我家电费还剩多少",
    "帮我给3300000002交100元电费",
    "家里突然停电了，幸福小区3栋2单元501，电话13812345678",
    "明天上午10点我们小区停电吗",
    "预约下周三下午上门检查电表",
    "绑定户号3302158890",
    "上个月用了多少度电",
    "峰谷电价怎么算",
    "转人工",
    "你好",
    "余额不足的时候提醒我",
    "我要投诉抄表员态度太差了上次来抄表还骂人",
    "今天天气怎么样",
    "积分换优惠券",
    "開電費發票",
    "交两百五",
  };

  private NluPipeline nlu;
  private int next;
  private final Instant at = Instant.parse("2026-11-27T02:00:00Z");

  @Setup
  public void setUp() {
    nlu = AssistantNlu.pipeline(0.5, AssistantExtractors.all());
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public ParseResult parseLatency() {
    return parse();
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public ParseResult parseThroughput() {
    return parse();
  }

  private ParseResult parse() {
    String text = MESSAGES[next];
    next = (next + 1) % MESSAGES.length;
    return nlu.parse(text, at);
  }

  /** Runs both benchmarks and prints the figures. */
  public static void main(String[] args) throws Exception {
    Collection<RunResult> results =
        new Runner(new OptionsBuilder().include(ParseBenchmark.class.getName() + ".*").build())
            .run();
    for (RunResult result : results) {
      String name = result.getParams().getBenchmark();
      Statistics stats = result.getPrimaryResult().getStatistics();
      if (name.endsWith("parseLatency")) {
        System.out.printf(
            Locale.ROOT,
            "parse latency (1 thread): median %.1f us, p99 %.1f us, mean %.1f us over %d samples%n",
            stats.getPercentile(50),
            stats.getPercentile(99),
            stats.getMean(),
            stats.getN());
      } else {
        System.out.printf(
            Locale.ROOT,
            "parse throughput (1 thread): %.0f messages/s (± %.0f)%n",
            stats.getMean(),
            result.getPrimaryResult().getScoreError());
      }
    }
  }
}
