package io.gridbot.service.account;

import java.time.Instant;
import java.util.Objects;

/**
 * An active binding: the channel user proved they may act for the account.
 *
 * @param id the binding's id, stable for its lifetime
 * @param verifiedAt when the user passed verification (UTC, millisecond precision)
 * @param isDefault whether this is the account the user's requests refer to when they name none;
 *     each user with bindings has exactly one default
 */
public record Binding(
    long id, ChannelUser user, AccountNo accountNo, Instant verifiedAt, boolean isDefault) {

  public Binding {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(accountNo, "accountNo");
    Objects.requireNonNull(verifiedAt, "verifiedAt");
  }
}
