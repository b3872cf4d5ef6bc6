package io.gridbot.bench;

import java.util.Arrays;

/** {@code baseline [port]} runs the bare baseline server; {@code load ...} runs the generator. */
public final class Bench {

  private Bench() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println(
          "usage: baseline [--server.port=N] | load --target=URL[,URL] ... | report [results.json]"
              + " (see bench/run.sh)");
      System.exit(2);
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (args[0]) {
      case "baseline" -> BaselineServer.main(rest);
      case "load" -> System.exit(LoadGenerator.run(rest));
      case "report" -> System.exit(Report.run(rest));
      default -> {
        System.err.println("unknown command " + args[0]);
        System.exit(2);
      }
    }
  }
}
