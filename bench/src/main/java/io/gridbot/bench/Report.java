package io.gridbot.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The table of a run's results, and the figure we track: each setup's throughput and p99 as a ratio
 * of the bare baseline's at the same level.
 */
final class Report {

  private Report() {}

  static int run(String[] args) throws Exception {
    Path file = Path.of(args.length > 0 ? args[0] : "bench/target/results.json");
    JsonNode all = JsonMapper.builder().build().readTree(file.toFile());
    Map<String, LoadGenerator.Result> baseline = new LinkedHashMap<>();
    List<LoadGenerator.Result> results = new ArrayList<>();
    for (JsonNode entry : all) {
      for (JsonNode r : entry.get("results")) {
        LoadGenerator.Result result =
            new LoadGenerator.Result(
                r.get("label").asString(),
                r.get("mode").asString(),
                r.get("level").asInt(),
                r.get("messages").asLong(),
                r.get("seconds").asDouble(),
                r.get("perSecond").asDouble(),
                r.get("p50").asDouble(),
                r.get("p95").asDouble(),
                r.get("p99").asDouble(),
                r.get("max").asDouble(),
                r.get("errors").asLong(),
                r.get("late").asLong(),
                r.get("over5s").asLong());
        results.add(result);
        if (result.label().equals("baseline")) {
          baseline.put(result.mode() + result.level(), result);
        }
      }
      if (entry.has("log")) {
        JsonNode log = entry.get("log");
        System.out.printf(
            Locale.ROOT,
            "%s: %d of %d messages sent are in the conversation log, %d processed twice, %d out of"
                + " order%n",
            entry.get("label").asString(),
            log.get("messages").asLong(),
            log.get("sent").asLong(),
            log.get("duplicates").asLong(),
            log.get("outOfOrder").asLong());
      }
    }
    System.out.println();
    System.out.println(LoadGenerator.HEADER + "   thrpt/base  p99/base");
    for (LoadGenerator.Result r : results) {
      LoadGenerator.Result base = baseline.get(r.mode() + r.level());
      String ratio =
          base == null || r.label().equals("baseline")
              ? ""
              : String.format(
                  Locale.ROOT,
                  "   %10.3f  %8.1f",
                  r.perSecond() / base.perSecond(),
                  r.p99() / Math.max(base.p99(), 0.001));
      System.out.println(LoadGenerator.row(r) + ratio);
    }
    return 0;
  }
}
