package io.gridbot.service.autodebit;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountNotFound;
import io.gridbot.service.account.ChannelUser;
import java.util.List;

/**
 * Auto-debit (代扣) agreements of accounts with Alipay or WeChat Pay. Signing happens on the
 * platform's page: {@link #requestSigning} records a pending agreement whose request id goes into
 * the page's URL; the platform's notification later confirms it with {@link #markSigned}.
 *
 * <p>Request ids are 1 to 64 characters of {@code [A-Za-z0-9:_.-]}; anything else is rejected with
 * an {@link IllegalArgumentException}.
 */
public interface AutoDebitService {

  /**
   * Whether the account may sign, by {@link AutoDebitSettings}: it must not have a signed
   * agreement, and have the configured tag or (when that suffices) owe nothing.
   *
   * @throws AccountNotFound if the account does not exist or is closed
   */
  Eligibility eligibility(AccountNo account);

  /**
   * Records a pending agreement for the account. Calling it again with the same request id returns
   * the first agreement unchanged, whatever happened since.
   *
   * @throws AccountNotFound if the account does not exist or is closed
   * @throws AutoDebitNotEligible if the account may not sign
   * @throws AutoDebitRequestConflict if the request id was used for another account, user or
   *     channel
   */
  Agreement requestSigning(
      AccountNo account, ChannelUser user, AutoDebitChannel channel, String requestId);

  /**
   * The platform confirmed the signing: the pending agreement becomes signed with the platform's
   * agreement number. Confirming a signed agreement again with the same number changes nothing.
   *
   * @param agreementNo the platform's number, 1 to 64 characters
   * @throws AgreementNotFound if no agreement has the request id
   * @throws AgreementTransitionNotAllowed if it was unsigned, or signed with another number
   */
  Agreement markSigned(String requestId, String agreementNo);

  /**
   * Cancels the account's pending and signed agreements because the customer asked. Once this
   * commits, a {@link io.gridbot.service.port.AutoDebitAgreements.CancelledByCustomer} event per
   * cancelled agreement lets the platform's channel adapter tell the platform; the platform's own
   * unsign notices go through {@link io.gridbot.service.port.AutoDebitAgreements#unsigned}.
   *
   * @return the agreements cancelled by this call
   * @throws AgreementNotFound if the account has no pending or signed agreement
   */
  List<Agreement> unsign(AccountNo account);

  /** The account's agreements of every state, latest first; empty if there are none. */
  List<Agreement> agreementsOf(AccountNo account);
}
