package io.gridbot.intents.nlu;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The alerts a customer can subscribe to. {@link #value()} is the value of a {@code notice_type}
 * entity; synonyms are in {@code entities/notice_types.tsv}.
 */
public enum NoticeType {
  /** 欠费提醒: the account owes money. */
  ARREARS("arrears"),
  /** 余额不足: prepaid credit is running low. */
  LOW_BALANCE("low_balance"),
  /** 停电通知: planned or area outages. */
  OUTAGE("outage"),
  /** 账单: the monthly bill is out. */
  MONTHLY_BILL("monthly_bill");

  private final String value;

  NoticeType(String value) {
    this.value = value;
  }

  /** The entity value, e.g. {@code low_balance}. */
  public String value() {
    return value;
  }

  /** The type whose {@link #value()} is {@code value}; empty for null or an unknown value. */
  public static Optional<NoticeType> fromValue(String value) {
    return Arrays.stream(values()).filter(t -> t.value.equals(value)).findFirst();
  }

  static Set<String> entityValues() {
    return Arrays.stream(values()).map(NoticeType::value).collect(Collectors.toUnmodifiableSet());
  }
}
