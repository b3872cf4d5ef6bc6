package io.gridbot.app.staff;

import io.gridbot.service.application.ApplicationNo;
import io.gridbot.service.appointment.BookingNo;
import io.gridbot.service.outage.AreaCode;
import io.gridbot.service.payment.OutTradeNo;
import io.gridbot.service.repair.TicketNo;
import java.time.Instant;
import java.util.function.Function;

/**
 * Reads the values of staff requests into the business's types. A value that breaks a rule is
 * refused with an {@link InvalidField} naming the field as the caller knows it (a path variable, a
 * query parameter or a body property such as {@code areas[1]}); the rule is ours, so the refusal
 * never repeats the value.
 */
final class Fields {

  /** Staff notes and reasons kept in a history (the event tables hold 500 characters). */
  static final int MAX_NOTE = 500;

  private Fields() {}

  /**
   * @throws InvalidField naming {@code field} if {@code value} is null
   */
  static <T> T required(String field, T value) {
    if (value == null) {
      throw new InvalidField(field, "is required");
    }
    return value;
  }

  /**
   * A required text, stripped.
   *
   * @throws InvalidField naming {@code field} if it is null, blank or over {@code max} characters
   */
  static String text(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw new InvalidField(field, "is required and must not be blank");
    }
    return optionalText(field, value, max);
  }

  /**
   * An optional text, stripped; null when missing or blank.
   *
   * @throws InvalidField naming {@code field} if it is over {@code max} characters
   */
  static String optionalText(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String stripped = value.strip();
    if (stripped.length() > max) {
      throw new InvalidField(field, "must be at most " + max + " characters");
    }
    return stripped;
  }

  /**
   * @throws InvalidField naming {@code field} if {@code value} is given and not in the future
   */
  static Instant futureOrNull(String field, Instant value) {
    if (value != null && !value.isAfter(Instant.now())) {
      throw new InvalidField(field, "must be in the future");
    }
    return value;
  }

  static TicketNo ticketNo(String value, String field) {
    return parse(value, field, TicketNo::new, "must be R and 12 to 14 digits");
  }

  static ApplicationNo applicationNo(String value, String field) {
    return parse(value, field, ApplicationNo::new, "must be A followed by 16 digits");
  }

  static BookingNo bookingNo(String value, String field) {
    return parse(value, field, BookingNo::new, "must be B followed by 16 digits");
  }

  static OutTradeNo outTradeNo(String value, String field) {
    return parse(value, field, OutTradeNo::new, "must be P followed by 22 digits");
  }

  static AreaCode areaCode(String value, String field) {
    return parse(value, field, AreaCode::new, "must be 1 to 32 ASCII letters, digits or hyphens");
  }

  /** Builds a value object, turning its refusal (which may repeat the value) into {@code rule}. */
  private static <T> T parse(
      String value, String field, Function<String, T> constructor, String rule) {
    required(field, value);
    try {
      return constructor.apply(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidField(field, rule);
    }
  }
}
