package io.gridbot.service.outage;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** Input rules shared by the outage requests. */
final class Outages {

  static final int MAX_AREAS = 50;
  static final int MAX_REASON = 500;

  private Outages() {}

  static List<AreaCode> checkAreas(List<AreaCode> areas) {
    Objects.requireNonNull(areas, "areas");
    List<AreaCode> copy = List.copyOf(areas);
    if (copy.isEmpty() || copy.size() > MAX_AREAS) {
      throw new IllegalArgumentException("an outage covers 1 to " + MAX_AREAS + " areas");
    }
    if (new HashSet<>(copy).size() != copy.size()) {
      throw new IllegalArgumentException("outage areas must not repeat: " + copy);
    }
    return copy;
  }

  static String checkReason(String reason) {
    if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
      throw new IllegalArgumentException(
          "reason must be 1 to " + MAX_REASON + " characters and not blank");
    }
    return reason.strip();
  }
}
