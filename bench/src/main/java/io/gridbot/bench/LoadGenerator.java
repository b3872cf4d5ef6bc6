package io.gridbot.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Signed WeChat text messages over HTTP: thousands of distinct users, each sending one message at a
 * time (a share of them in multi-turn conversations: binding then a balance, a payment, a fault
 * report), at fixed concurrency levels (closed loop) and at a fixed arrival rate (open loop,
 * latency counted from the intended send time, so a stalled server is not hidden). Prints messages
 * per second, p50/p95/p99/max latency, errors, replies that came as {@code success} (crossed the
 * reply budget) and the share over WeChat's 5 seconds; appends them to a JSON file. With {@code
 * --check-db}, then checks in the conversation log that no message was processed twice or out of
 * order.
 */
final class LoadGenerator {

  static final String APP_ID = "wxbench000000000a";
  private static final Duration DEADLINE = Duration.ofSeconds(5);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  static final List<String> SINGLES =
      List.of(
          "你好",
          "查一下余额",
          "我家电费还剩多少",
          "这个月电费多少",
          "查账单",
          "停电了吗",
          "什么时候来电",
          "我的积分有多少",
          "有什么省电的办法",
          "怎么交电费",
          "电费怎么这么贵",
          "帮我查下上个月用了多少度电",
          "谢谢",
          "好的",
          "营业厅在哪里",
          "我要开发票",
          "订阅停电通知",
          "怎么办理新装",
          "查进度");

  private final List<String> targets;
  private final String token;
  private final int users;
  private final String runId;
  private final HttpClient http;
  private final ConcurrentLinkedQueue<User> idle = new ConcurrentLinkedQueue<>();
  private final AtomicLong msgIds = new AtomicLong(System.currentTimeMillis() * 1000);
  private final AtomicLong sends = new AtomicLong();

  LoadGenerator(List<String> targets, String token, int users, String runId) {
    this.targets = targets;
    this.token = token;
    this.users = users;
    this.runId = runId;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(8))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    for (int i = 0; i < users; i++) {
      idle.add(
          new User(String.format(Locale.ROOT, "oBench%s%06d", runId, i), new SplittableRandom(i)));
    }
  }

  /** One simulated follower: a script of messages, refilled when used up. */
  static final class User {
    final String openId;
    final SplittableRandom random;
    final Deque<String> script = new ArrayDeque<>();

    User(String openId, SplittableRandom random) {
      this.openId = openId;
      this.random = random;
    }

    String next() {
      if (script.isEmpty()) {
        refill();
      }
      return script.poll();
    }

    private void refill() {
      int roll = random.nextInt(100);
      int account = 1 + random.nextInt(3);
      if (roll < 12) {
        script.addAll(List.of("绑定户号330000000" + account, "000" + account, "查一下余额"));
      } else if (roll < 18) {
        script.addAll(List.of("绑定户号330000000" + account, "000" + account, "交50元电费", "确认"));
      } else if (roll < 24) {
        script.addAll(List.of("家里停电了", "幸福小区3栋2单元501", "全屋都没电了", "13912345678", "不发照片，继续", "取消"));
      } else {
        script.add(SINGLES.get(random.nextInt(SINGLES.size())));
      }
    }
  }

  /** What one level measured. */
  record Result(
      String label,
      String mode,
      int level,
      long messages,
      double seconds,
      double perSecond,
      double p50,
      double p95,
      double p99,
      double max,
      long errors,
      long late,
      long over5s) {

    double over5sShare() {
      return messages == 0 ? 0 : (double) over5s / messages;
    }
  }

  private final class Tally {
    final Recorder latency = new Recorder(TimeUnit.SECONDS.toMicros(60), 3);
    final LongAdder errors = new LongAdder();
    final LongAdder late = new LongAdder();
    final LongAdder over = new LongAdder();
    final LongAdder count = new LongAdder();

    void record(long micros, HttpResponse<String> response, Throwable error) {
      latency.recordValue(Math.min(micros, TimeUnit.SECONDS.toMicros(60)));
      count.increment();
      if (micros > DEADLINE.toNanos() / 1000) {
        over.increment();
      }
      if (error != null || response.statusCode() != 200) {
        errors.increment();
      } else if (response.body().strip().equals("success")) {
        late.increment();
      }
    }

    Result result(String label, String mode, int level, double seconds) {
      Histogram h = latency.getIntervalHistogram();
      long n = count.sum();
      return new Result(
          label,
          mode,
          level,
          n,
          seconds,
          n / seconds,
          h.getValueAtPercentile(50) / 1000.0,
          h.getValueAtPercentile(95) / 1000.0,
          h.getValueAtPercentile(99) / 1000.0,
          h.getMaxValue() / 1000.0,
          errors.sum(),
          late.sum(),
          over.sum());
    }
  }

  /** C workers, each sending a message and waiting for its answer, for {@code duration}. */
  Result closedLoop(String label, int concurrency, Duration duration) throws InterruptedException {
    Tally tally = new Tally();
    long end = System.nanoTime() + duration.toNanos();
    CountDownLatch done = new CountDownLatch(concurrency);
    long started = System.nanoTime();
    for (int w = 0; w < concurrency; w++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  while (System.nanoTime() < end) {
                    User user = idle.poll();
                    if (user == null) {
                      Thread.onSpinWait();
                      continue;
                    }
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = null;
                    Throwable error = null;
                    try {
                      response = http.send(request(user), HttpResponse.BodyHandlers.ofString());
                    } catch (IOException e) {
                      error = e;
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      return;
                    } finally {
                      idle.add(user);
                    }
                    tally.record((System.nanoTime() - t0) / 1000, response, error);
                  }
                } finally {
                  done.countDown();
                }
              },
              "load-" + w);
      t.start();
    }
    done.await();
    return tally.result(label, "concurrency", concurrency, (System.nanoTime() - started) / 1e9);
  }

  /** Messages started at a fixed rate whatever the answers, for {@code duration}. */
  Result openLoop(String label, int perSecond, Duration duration) throws InterruptedException {
    Tally tally = new Tally();
    long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
    long total = duration.toSeconds() * perSecond;
    CountDownLatch done = new CountDownLatch((int) total);
    long start = System.nanoTime();
    for (long i = 0; i < total; i++) {
      long intended = start + i * interval;
      long wait = intended - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      User user = idle.poll();
      if (user == null) { // every user busy: the server has fallen far behind
        tally.record(
            TimeUnit.SECONDS.toMicros(60), null, new IllegalStateException("no idle user"));
        done.countDown();
        continue;
      }
      http.sendAsync(request(user), HttpResponse.BodyHandlers.ofString())
          .whenComplete(
              (response, error) -> {
                idle.add(user);
                tally.record((System.nanoTime() - intended) / 1000, response, error);
                done.countDown();
              });
    }
    done.await(2, TimeUnit.MINUTES);
    return tally.result(label, "rate", perSecond, (System.nanoTime() - start) / 1e9);
  }

  private HttpRequest request(User user) {
    String text = user.next();
    long msgId = msgIds.incrementAndGet();
    long now = System.currentTimeMillis() / 1000;
    String xml =
        "<xml><ToUserName><![CDATA[gh_bench]]></ToUserName><FromUserName><![CDATA["
            + user.openId
            + "]]></FromUserName><CreateTime>"
            + now
            + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA["
            + text
            + "]]></Content><MsgId>"
            + msgId
            + "</MsgId></xml>";
    String nonce = Long.toString(msgId);
    String ts = Long.toString(now);
    // the same user's messages go to every instance in turn
    String target = targets.get((int) (sends.getAndIncrement() % targets.size()));
    URI uri =
        URI.create(
            target
                + "/wx/portal/"
                + APP_ID
                + "?signature="
                + sha1(token, ts, nonce)
                + "&timestamp="
                + ts
                + "&nonce="
                + nonce
                + "&openid="
                + user.openId);
    return HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "text/xml")
        .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8))
        .build();
  }

  static String sha1(String... parts) {
    String[] sorted = parts.clone();
    Arrays.sort(sorted);
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-1")
                  .digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Checks the conversation log of this run's users: every inbound message id once, and each user's
   * messages in the order they were sent (their ids grow with the send order).
   *
   * @return {duplicates, out of order, messages logged}
   */
  long[] checkLog(String jdbcUrl) throws java.sql.SQLException {
    long duplicates;
    long outOfOrder = 0;
    long logged = 0;
    String users = APP_ID + ":oBench" + runId + "%";
    try (Connection c = DriverManager.getConnection(jdbcUrl);
        Statement s = c.createStatement()) {
      try (ResultSet r =
          s.executeQuery(
              "SELECT COUNT(*) FROM (SELECT message_id FROM conversation_log WHERE channel = 'wechat'"
                  + " AND direction = 'IN' AND channel_user_id LIKE '"
                  + users
                  + "' GROUP BY message_id HAVING COUNT(*) > 1) d")) {
        r.next();
        duplicates = r.getLong(1);
      }
      Map<String, Long> lastId = new HashMap<>();
      try (ResultSet r =
          s.executeQuery(
              "SELECT channel_user_id, message_id FROM conversation_log WHERE channel = 'wechat'"
                  + " AND direction = 'IN' AND channel_user_id LIKE '"
                  + users
                  + "' ORDER BY id")) {
        while (r.next()) {
          logged++;
          long id = Long.parseLong(r.getString(2).substring(2));
          Long before = lastId.put(r.getString(1), id);
          if (before != null && before > id) {
            outOfOrder++;
          }
        }
      }
    }
    return new long[] {duplicates, outOfOrder, logged};
  }

  static int run(String[] args) throws Exception {
    Map<String, String> opts = new LinkedHashMap<>();
    for (String a : args) {
      int eq = a.indexOf('=');
      if (!a.startsWith("--") || eq < 0) {
        System.err.println("arguments are --name=value, got " + a);
        return 2;
      }
      opts.put(a.substring(2, eq), a.substring(eq + 1));
    }
    List<String> targets = List.of(opts.getOrDefault("target", "http://127.0.0.1:8080").split(","));
    String label = opts.getOrDefault("label", "run");
    int users = Integer.parseInt(opts.getOrDefault("users", "3000"));
    Duration duration = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("duration", "30")));
    Duration warmup = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("warmup", "15")));
    String runId = opts.getOrDefault("run-id", Long.toString(System.currentTimeMillis() % 100000));
    LoadGenerator load =
        new LoadGenerator(targets, opts.getOrDefault("token", BaselineServer.TOKEN), users, runId);

    List<Result> results = new ArrayList<>();
    if (!warmup.isZero()) {
      load.closedLoop(label, 8, warmup);
    }
    for (String c : opts.getOrDefault("concurrency", "8,32,64").split(",")) {
      Result r = load.closedLoop(label, Integer.parseInt(c.strip()), duration);
      print(r);
      results.add(r);
    }
    for (String rate : opts.getOrDefault("rate", "").split(",")) {
      if (!rate.isBlank()) {
        Result r = load.openLoop(label, Integer.parseInt(rate.strip()), duration);
        print(r);
        results.add(r);
      }
    }
    ObjectNode entry = JSON.createObjectNode();
    entry.put("label", label);
    entry.put("targets", String.join(",", targets));
    entry.put("users", users);
    entry.set("results", JSON.valueToTree(results));
    if (opts.containsKey("check-db")) {
      Thread.sleep(3000); // let late replies finish
      long[] check = load.checkLog(opts.get("check-db"));
      System.out.printf(
          Locale.ROOT,
          "conversation log: %d of the %d messages sent logged, %d processed twice, %d out of order%n",
          check[2],
          load.sends.get(),
          check[0],
          check[1]);
      ObjectNode log = entry.putObject("log");
      log.put("sent", load.sends.get());
      log.put("messages", check[2]);
      log.put("duplicates", check[0]);
      log.put("outOfOrder", check[1]);
    }
    append(Path.of(opts.getOrDefault("out", "bench/target/results.json")), entry);
    return 0;
  }

  static final String HEADER =
      String.format(
          Locale.ROOT,
          "%-22s %-12s %6s %8s %9s %8s %8s %8s %9s %7s %6s %7s",
          "setup",
          "mode",
          "level",
          "msgs",
          "msg/s",
          "p50 ms",
          "p95 ms",
          "p99 ms",
          "max ms",
          "errors",
          "late",
          ">5s %");

  static void print(Result r) {
    System.out.println(HEADER);
    System.out.println(row(r));
  }

  static String row(Result r) {
    return String.format(
        Locale.ROOT,
        "%-22s %-12s %6d %8d %9.1f %8.1f %8.1f %8.1f %9.1f %7d %6d %7.2f",
        r.label(),
        r.mode(),
        r.level(),
        r.messages(),
        r.perSecond(),
        r.p50(),
        r.p95(),
        r.p99(),
        r.max(),
        r.errors(),
        r.late(),
        100 * r.over5sShare());
  }

  private static void append(Path file, ObjectNode entry) throws IOException {
    ArrayNode all =
        Files.exists(file) ? (ArrayNode) JSON.readTree(file.toFile()) : JSON.createArrayNode();
    all.add(entry);
    Files.createDirectories(file.toAbsolutePath().getParent());
    JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), all);
  }
}
