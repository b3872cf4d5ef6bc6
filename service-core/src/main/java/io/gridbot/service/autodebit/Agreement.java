package io.gridbot.service.autodebit;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import java.time.Instant;
import java.util.Objects;

/**
 * An auto-debit (代扣) agreement of an account with a payment platform.
 *
 * @param requestId the signing request's id, unique; the platform echoes it in its notification
 * @param user the chat user who asked for it
 * @param agreementNo the platform's agreement number, null until the platform confirms
 * @param createdAt when signing was requested (UTC, milliseconds)
 * @param updatedAt when the state last changed (UTC, milliseconds)
 */
public record Agreement(
    long id,
    String requestId,
    AccountNo accountNo,
    ChannelUser user,
    AutoDebitChannel channel,
    AgreementState state,
    String agreementNo,
    Instant createdAt,
    Instant updatedAt) {

  public Agreement {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(accountNo, "accountNo");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
