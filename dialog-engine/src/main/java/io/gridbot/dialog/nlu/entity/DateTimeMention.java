package io.gridbot.dialog.nlu.entity;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A datetime expression found in a text: a moment ({@code to} null) or the half-open period [from,
 * to), in the local time of the extractor's zone.
 *
 * @param start start offset in the text (inclusive)
 * @param end end offset in the text (exclusive)
 * @param from the moment, or the start of the period
 * @param to the end of the period (exclusive), null for a moment
 */
record DateTimeMention(int start, int end, LocalDateTime from, LocalDateTime to) {

  DateTimeMention {
    Objects.requireNonNull(from, "from");
    if (to != null && !to.isAfter(from)) {
      throw new IllegalArgumentException("empty period " + from + "/" + to);
    }
  }

  boolean isMoment() {
    return to == null;
  }
}
