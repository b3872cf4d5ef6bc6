package io.gridbot.dialog.nlu.entity;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * The date part of an expression, already resolved against the message's day: one day, or the days
 * [from, to). A bare weekday (周五) remembers its weekday so that "周一到周五" can place the second one
 * after the first; 今晚 and 明早 carry their part of the day.
 */
record DateTimeSpec(
    LocalDate day, LocalDate from, LocalDate to, DayOfWeek bareWeekday, DateTimeDayPart part) {

  static DateTimeSpec day(LocalDate day) {
    return new DateTimeSpec(day, null, null, null, null);
  }

  static DateTimeSpec days(LocalDate from, LocalDate to) {
    return new DateTimeSpec(null, from, to, null, null);
  }

  static DateTimeSpec bareWeekday(LocalDate day, DayOfWeek weekday) {
    return new DateTimeSpec(day, null, null, weekday, null);
  }

  static DateTimeSpec dayWithPart(LocalDate day, DateTimeDayPart part) {
    return new DateTimeSpec(day, null, null, null, part);
  }

  /** Whether this names more than one day (a week, a month, 月底 …). */
  boolean isSeveralDays() {
    return from != null;
  }
}
