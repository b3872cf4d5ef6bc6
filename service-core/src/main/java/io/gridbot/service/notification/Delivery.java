package io.gridbot.service.notification;

import io.gridbot.service.account.ChannelUser;
import java.time.Instant;
import java.util.Objects;

/**
 * The record of delivering one notice to one recipient ({@code notification_delivery}).
 *
 * @param noticeKey the notice's key; together with the recipient it is unique
 * @param attempts how many sends were tried
 * @param lastError the sender's last error detail, or null
 * @param nextAttemptAt when a {@link DeliveryState#RETRY} is due, else null
 * @param sentAt when it was sent, null unless {@link DeliveryState#SENT}
 */
public record Delivery(
    long id,
    ChannelUser recipient,
    String noticeKey,
    String kind,
    DeliveryState state,
    int attempts,
    String lastError,
    Instant nextAttemptAt,
    Instant leaseUntil,
    Instant createdAt,
    Instant updatedAt,
    Instant sentAt) {

  public Delivery {
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(noticeKey, "noticeKey");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
