package io.gridbot.service.account;

import java.util.Objects;

/**
 * An event: a customer used an online service for an account (booked an appointment, submitted an
 * application), published in the transaction that recorded it. The points area credits the
 * account's online-service points once per {@code reference} after that transaction committed.
 *
 * @param reference what was used, e.g. {@code booking:B20261127001}; unique per use
 */
public record OnlineServiceUsed(AccountNo account, String reference, ChannelUser by) {

  public OnlineServiceUsed {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(by, "by");
  }
}
