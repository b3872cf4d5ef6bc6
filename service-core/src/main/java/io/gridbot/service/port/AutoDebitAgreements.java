package io.gridbot.service.port;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a payment channel (Alipay, later WeChat Pay) needs of auto-debit (代扣): the pending agreement
 * behind a signing page, the platform's sign and unsign notices, and the deductions of due bills,
 * each collected through a payment order of the channel, at most once per bill. Plain values only,
 * so that channels stay apart from the business classes.
 *
 * <p>Channels are named in lowercase ({@code alipay}, {@code wechat}).
 */
public interface AutoDebitAgreements {

  /** The agreement waiting to be signed under the request id; empty if none is pending. */
  Optional<PendingAgreement> pending(String requestId);

  /**
   * The platform confirmed the signing: the pending agreement becomes signed with the platform's
   * agreement number. Repeating it with the same number changes nothing. Committed on return.
   *
   * @throws AgreementRefused when there is no such request, it was cancelled, or it was signed with
   *     another number; nothing changes
   */
  void signed(String requestId, String agreementNo);

  /**
   * The platform says the agreement was cancelled (by the customer at the platform): it stops being
   * debited. The platform is not told again. Committed on return.
   *
   * @param channel the platform
   * @param agreementNo the platform's agreement number
   * @return true if this call cancelled it, false if it was cancelled before or is unknown
   */
  boolean unsigned(String channel, String agreementNo);

  /**
   * Bills to deduct on {@code channel}, oldest first: unpaid bills of accounts with a signed
   * agreement on the channel that have no deduction yet, and deductions still pending (their
   * outcome is not known yet).
   *
   * @param limit 1 to 1000
   */
  List<DueBill> due(String channel, int limit);

  /**
   * Starts (or resumes) the deduction of one bill: the first call records it with a new payment
   * order of the agreement's channel for what the bill still owes; later calls return it as it is.
   * Also decides what the channel should do now (see {@link Deduction.Next}); a deduction started
   * on another channel is returned with {@link Deduction.Next#NONE}. Committed on return.
   *
   * @throws AgreementRefused when the bill does not exist, or no deduction was started for it and
   *     it is paid or its account has no signed agreement on the channel
   */
  Deduction start(String channel, long billId);

  /**
   * The platform deducted the money: the order is confirmed in the payments ledger (the payer is
   * told through the usual payment notice) and the deduction succeeds, exactly once. Committed on
   * return.
   *
   * @throws ChannelPayments.PaymentRefused when the ledger refuses the confirmation (amount or
   *     transaction mismatch); nothing changes
   */
  Deduction succeeded(String outTradeNo, BigDecimal paidAmount, String tradeNo, Instant paidAt);

  /**
   * The platform refused to deduct (no balance, agreement gone ...): the deduction fails, its order
   * is closed and, while the bill is unpaid, the customer is told to pay another way. A deduction
   * already settled is returned as it is; one whose order was paid meanwhile succeeds.
   *
   * @param reason the platform's reason, shortened to 200 characters
   */
  Deduction failed(String outTradeNo, String reason);

  /**
   * A pending agreement as a signing page needs it.
   *
   * @param externalAgreementNo our number of the agreement for the platform ({@code
   *     external_agreement_no}): {@code AD} and digits, at most 20 letters and digits, as the
   *     platforms require (request ids may hold other characters and be longer)
   * @param channel lowercase platform, e.g. {@code alipay}
   * @param accountMasked the account number with its middle hidden
   * @param userChannel the chat channel of the customer who asked, e.g. {@code alipay}
   * @param userId that customer's id on the chat channel
   */
  record PendingAgreement(
      String requestId,
      String externalAgreementNo,
      String channel,
      String accountMasked,
      String userChannel,
      String userId,
      Instant createdAt) {
    public PendingAgreement {
      Objects.requireNonNull(requestId, "requestId");
      Objects.requireNonNull(externalAgreementNo, "externalAgreementNo");
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(createdAt, "createdAt");
    }
  }

  /**
   * A bill to deduct.
   *
   * @param amount what is still owed on it (yuan)
   * @param agreementNo the platform's agreement number to deduct with
   * @param outTradeNo the pending deduction's order, or null when none was started
   */
  record DueBill(
      long billId,
      YearMonth period,
      String accountMasked,
      BigDecimal amount,
      String agreementNo,
      String outTradeNo) {}

  /**
   * One bill's deduction.
   *
   * @param state {@code PENDING}, {@code SUCCEEDED} or {@code FAILED}
   * @param next what the channel should do with it now
   */
  record Deduction(
      long billId,
      YearMonth period,
      String accountMasked,
      String outTradeNo,
      BigDecimal amount,
      String agreementNo,
      String state,
      Next next) {

    public Deduction {
      Objects.requireNonNull(outTradeNo, "outTradeNo");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(next, "next");
    }

    /** What the channel does with a deduction. */
    public enum Next {
      /** Ask the platform to deduct (again, under the same out_trade_no). */
      DEDUCT,
      /**
       * Do not deduct any more (the agreement was cancelled or the bill was paid otherwise), only
       * find out whether an earlier attempt went through and record that.
       */
      QUERY,
      /** Nothing: the deduction is settled. */
      NONE
    }
  }

  /**
   * Published (after commit, to listeners in the same application) when a customer cancelled an
   * agreement here, so that the platform is told; not published for the platform's own unsign
   * notices.
   *
   * @param channel lowercase platform, e.g. {@code alipay}
   * @param agreementNo the platform's number, or null when it was never signed
   */
  record CancelledByCustomer(String channel, String requestId, String agreementNo) {}

  /** Why a sign notice or a deduction was refused. */
  enum Refusal {
    /** No such request or bill. */
    NOT_FOUND,
    /** The agreement is not in a state that allows it. */
    NOT_ALLOWED
  }

  /** A call that changed nothing, with the reason. */
  final class AgreementRefused extends RuntimeException {
    private final Refusal reason;

    public AgreementRefused(Refusal reason, String message) {
      super(message);
      this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Refusal reason() {
      return reason;
    }
  }
}
