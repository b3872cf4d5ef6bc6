package io.gridbot.service.tag;

import io.gridbot.service.account.AccountNo;
import java.time.Instant;
import java.util.Objects;

/**
 * A tag of an account.
 *
 * @param addedBy the staff member's id for {@link TagSource#STAFF} tags; null for rule tags
 * @param since when it was set (UTC, milliseconds)
 * @throws NullPointerException if a component other than {@code addedBy} is null
 */
public record AccountTag(
    AccountNo accountNo, CustomerTag tag, TagSource source, String addedBy, Instant since) {

  public AccountTag {
    Objects.requireNonNull(accountNo, "accountNo");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(since, "since");
  }
}
