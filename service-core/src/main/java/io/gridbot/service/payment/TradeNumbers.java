package io.gridbot.service.payment;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.random.RandomGenerator;

/**
 * Makes order and refund ids: a letter, the local time as {@code yyyyMMddHHmmss}, eight random
 * digits. Up to 10^8 ids per second leave collisions unlikely; the unique indexes catch the rest.
 */
final class TradeNumbers {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  private final Clock clock;
  private final ZoneId zone;
  private final RandomGenerator random;

  TradeNumbers(Clock clock, ZoneId zone, RandomGenerator random) {
    this.clock = clock;
    this.zone = zone;
    this.random = random;
  }

  OutTradeNo nextOrder() {
    return new OutTradeNo(next('P'));
  }

  String nextRefund() {
    return next('R');
  }

  private String next(char prefix) {
    String stamp = LocalDateTime.now(clock.withZone(zone)).format(STAMP);
    return prefix + stamp + String.format("%08d", random.nextInt(100_000_000));
  }
}
