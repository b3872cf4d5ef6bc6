package io.gridbot.service.points;

import io.gridbot.service.account.AccountNo;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Points exchanged for a catalogue item.
 *
 * @param requestId the caller's idempotency key
 * @param itemName the item's Chinese name
 * @param points what it cost in all (cost per unit times quantity)
 * @param couponCode the code of the bill coupon, for coupon items; null for gifts
 * @param couponAmount what the coupon takes off the next bill in yuan (per-unit amount times
 *     quantity); null for gifts
 * @param createdAt when it was redeemed (UTC, milliseconds)
 */
public record Redemption(
    long id,
    String requestId,
    AccountNo accountNo,
    String itemCode,
    String itemName,
    int quantity,
    int points,
    String couponCode,
    BigDecimal couponAmount,
    RedemptionStatus status,
    Instant createdAt) {

  public Redemption {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(accountNo, "accountNo");
    Objects.requireNonNull(itemCode, "itemCode");
    Objects.requireNonNull(itemName, "itemName");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
