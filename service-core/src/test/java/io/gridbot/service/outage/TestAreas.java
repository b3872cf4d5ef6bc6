package io.gridbot.service.outage;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Area codes no other test (or earlier run on the same database) uses. */
public final class TestAreas {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final String RUN =
      Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));

  private TestAreas() {}

  /** A fresh district prefix such as {@code CN-T482913-7}; append {@code -001} for an area. */
  public static String newDistrict() {
    return "CN-T" + RUN + "-" + SEQUENCE.incrementAndGet();
  }
}
