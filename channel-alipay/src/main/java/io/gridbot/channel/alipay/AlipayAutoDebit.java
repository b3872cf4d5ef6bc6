package io.gridbot.channel.alipay;

import io.gridbot.dialog.store.LockStore;
import io.gridbot.dialog.store.LockTimeout;
import io.gridbot.service.port.AutoDebitAgreements;
import io.gridbot.service.port.AutoDebitAgreements.AgreementRefused;
import io.gridbot.service.port.AutoDebitAgreements.CancelledByCustomer;
import io.gridbot.service.port.AutoDebitAgreements.Deduction;
import io.gridbot.service.port.AutoDebitAgreements.DueBill;
import io.gridbot.service.port.AutoDebitAgreements.PendingAgreement;
import io.gridbot.service.port.ChannelPayments.PaymentRefused;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Auto-debit (代扣) with Alipay: the signing page of a pending agreement ({@code
 * alipay.user.agreement.page.sign}), Alipay's sign and unsign notifications ({@code dut_user_sign},
 * {@code dut_user_unsign}, verified with {@code rsaCheckV1}), the scheduled deductions of due bills
 * ({@code alipay.trade.pay} with the agreement, out_trade_no = the bill's payment order, so a retry
 * never pays twice), and telling Alipay when a customer cancels in the dialog ({@code
 * alipay.user.agreement.unsign}). One instance at a time runs the deductions (a lock in the shared
 * state store); the others skip that round.
 */
@Component
class AlipayAutoDebit {

  static final String LOCK = "alipay:auto-debit";
  static final String SIGN = "dut_user_sign";
  static final String UNSIGN = "dut_user_unsign";
  private static final Duration LEASE = Duration.ofMinutes(30);
  private static final Pattern AGREEMENT_NO = Pattern.compile("[A-Za-z0-9]{1,64}");
  private static final Logger log = LoggerFactory.getLogger(AlipayAutoDebit.class);

  private final AlipaySettings settings;
  private final AlipayAutoDebitSettings autoDebit;
  private final AutoDebitAgreements agreements;
  private final AlipayApi api;
  private final LockStore locks;
  private final Clock clock;

  @Autowired
  AlipayAutoDebit(
      AlipaySettings settings,
      AlipayAutoDebitSettings autoDebit,
      AutoDebitAgreements agreements,
      AlipayApi api,
      LockStore locks) {
    this(settings, autoDebit, agreements, api, locks, Clock.systemUTC());
  }

  AlipayAutoDebit(
      AlipaySettings settings,
      AlipayAutoDebitSettings autoDebit,
      AutoDebitAgreements agreements,
      AlipayApi api,
      LockStore locks,
      Clock clock) {
    this.settings = settings;
    this.autoDebit = autoDebit;
    this.agreements = agreements;
    this.api = api;
    this.locks = locks;
    this.clock = clock;
  }

  /** The link to Alipay's signing page of a pending Alipay agreement; empty if there is none. */
  Optional<String> signUrl(String requestId) {
    return agreements
        .pending(requestId)
        .filter(p -> AlipayOutbound.CHANNEL.equals(p.channel()))
        .map(PendingAgreement::externalAgreementNo)
        .map(external -> api.agreementSignUrl(external, autoDebit));
  }

  /** Whether a notification is about an auto-debit agreement (and goes to {@link #notified}). */
  static boolean concerns(Map<String, String> params) {
    String type = params.get("notify_type");
    return SIGN.equals(type) || UNSIGN.equals(type);
  }

  /**
   * Handles a sign or unsign notification.
   *
   * @return {@code success} once it is verified and recorded (committed), or needs nothing; {@code
   *     failure} otherwise, so that Alipay delivers it again
   */
  String notified(Map<String, String> params) {
    String type = params.get("notify_type");
    String agreementNo = params.get("agreement_no");
    String external = params.get("external_agreement_no");
    if (!AlipaySignatures.notification(params, settings.alipayPublicKey())) {
      log.warn("alipay {} for agreement {} refused: bad or missing signature", type, agreementNo);
      return AlipayPayments.FAILURE;
    }
    String appId = params.get("app_id");
    if (appId != null && !settings.appId().equals(appId)) {
      log.warn("alipay {} for agreement {} refused: app_id {}", type, agreementNo, appId);
      return AlipayPayments.FAILURE;
    }
    if (agreementNo == null || !AGREEMENT_NO.matcher(agreementNo).matches()) {
      log.warn("alipay {} refused: agreement_no missing or malformed", type);
      return AlipayPayments.FAILURE;
    }
    try {
      return SIGN.equals(type) ? signed(external, agreementNo, params) : unsigned(agreementNo);
    } catch (RuntimeException e) {
      log.error("alipay {} for agreement {} could not be recorded now", type, agreementNo, e);
      return AlipayPayments.FAILURE;
    }
  }

  private String signed(String external, String agreementNo, Map<String, String> params) {
    String status = params.get("status");
    if (status != null && !"NORMAL".equals(status)) {
      log.info(
          "alipay agreement {} signing notice with status {}: nothing to do", agreementNo, status);
      return AlipayPayments.SUCCESS;
    }
    try {
      agreements.signed(external, agreementNo);
      log.info("alipay agreement {} signed ({})", agreementNo, external);
      return AlipayPayments.SUCCESS;
    } catch (AgreementRefused e) {
      if (e.reason() == AutoDebitAgreements.Refusal.NOT_FOUND) {
        log.warn(
            "alipay agreement {} signed for unknown {}: {}", agreementNo, external, e.getMessage());
        return AlipayPayments.FAILURE;
      }
      // cancelled here before Alipay's notice came, or a second agreement: it must not stay
      // usable at Alipay
      log.warn(
          "alipay agreement {} ({}) will not be used: {}; unsigning it at Alipay",
          agreementNo,
          external,
          e.getMessage());
      api.unsignAgreement(agreementNo, autoDebit);
      return AlipayPayments.SUCCESS;
    }
  }

  private String unsigned(String agreementNo) {
    boolean changed = agreements.unsigned(AlipayOutbound.CHANNEL, agreementNo);
    log.info(
        "alipay agreement {} unsigned at Alipay{}", agreementNo, changed ? "" : " (known before)");
    return AlipayPayments.SUCCESS;
  }

  /**
   * A customer cancelled an Alipay agreement in the dialog: Alipay is told once that committed. A
   * failure is logged for staff; deductions stopped already.
   */
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void cancelledByCustomer(CancelledByCustomer cancelled) {
    if (!AlipayOutbound.CHANNEL.equals(cancelled.channel()) || cancelled.agreementNo() == null) {
      return;
    }
    try {
      api.unsignAgreement(cancelled.agreementNo(), autoDebit);
      log.info(
          "alipay agreement {} unsigned at Alipay as the customer asked", cancelled.agreementNo());
    } catch (AlipayCallFailed e) {
      log.error(
          "STAFF: alipay agreement {} ({}) was cancelled by the customer but Alipay could not be"
              + " told: {}; unsign it in Alipay's merchant console",
          cancelled.agreementNo(),
          cancelled.requestId(),
          e.getMessage());
    }
  }

  @Scheduled(
      fixedDelayString = "${gridbot.alipay.auto-debit.interval:PT1H}",
      initialDelayString = "${gridbot.alipay.auto-debit.initial-delay:PT2M}")
  void scheduled() {
    if (autoDebit.enabled()) {
      run();
    }
  }

  /** One round of deductions; empty when another instance holds the lock. */
  Optional<Result> run() {
    try (LockStore.Lease lease = locks.acquire(LOCK, LEASE, Duration.ZERO)) {
      int paid = 0;
      int failed = 0;
      int waiting = 0;
      for (DueBill bill : agreements.due(AlipayOutbound.CHANNEL, autoDebit.batch())) {
        try {
          switch (deduct(bill)) {
            case PAID -> paid++;
            case FAILED -> failed++;
            case WAITING -> waiting++;
            case NONE -> {}
          }
        } catch (AgreementRefused | PaymentRefused | AlipayCallFailed e) {
          waiting++;
          log.warn("alipay deduction of bill {}: {}", bill.billId(), e.getMessage());
        }
      }
      Result result = new Result(paid, failed, waiting);
      if (paid + failed + waiting > 0) {
        log.info("alipay auto-debit round: {}", result);
      }
      return Optional.of(result);
    } catch (LockTimeout e) {
      log.debug("alipay auto-debit runs on another instance");
      return Optional.empty();
    }
  }

  private Outcome deduct(DueBill bill) {
    Deduction deduction = agreements.start(AlipayOutbound.CHANNEL, bill.billId());
    return switch (deduction.next()) {
      case NONE -> Outcome.NONE;
      case QUERY -> settleFromQuery(deduction, true);
      case DEDUCT -> pay(deduction);
    };
  }

  private Outcome pay(Deduction deduction) {
    String subject = "电费代扣 " + deduction.accountMasked() + " " + deduction.period();
    AlipayApi.Deducted answer =
        api.tradePay(
            deduction.outTradeNo(),
            deduction.amount(),
            subject,
            deduction.agreementNo(),
            autoDebit);
    return switch (answer.outcome()) {
      case PAID -> {
        if (answer.totalAmount() != null
            && answer.totalAmount().compareTo(deduction.amount()) != 0) {
          log.error(
              "STAFF: alipay deducted {} for order {} of {}: not recorded, check trade {}",
              answer.totalAmount(),
              deduction.outTradeNo(),
              deduction.amount(),
              answer.tradeNo());
          yield Outcome.WAITING;
        }
        if (answer.tradeNo() == null || answer.tradeNo().isBlank()) {
          yield settleFromQuery(deduction, false);
        }
        agreements.succeeded(
            deduction.outTradeNo(),
            deduction.amount(),
            answer.tradeNo(),
            answer.paidAt() == null ? clock.instant() : answer.paidAt());
        yield Outcome.PAID;
      }
      case ALREADY_PAID -> settleFromQuery(deduction, false);
      case REFUSED -> {
        agreements.failed(deduction.outTradeNo(), answer.reason());
        yield Outcome.FAILED;
      }
      case UNKNOWN -> {
        log.info(
            "alipay deduction of order {} not settled yet: {}",
            deduction.outTradeNo(),
            answer.reason());
        yield Outcome.WAITING;
      }
    };
  }

  /**
   * Records what Alipay's trade says. With {@code final}, a trade that is not paid ends the
   * deduction as failed (no further attempt is made).
   */
  private Outcome settleFromQuery(Deduction deduction, boolean last) {
    Optional<AlipayApi.Trade> trade = api.query(deduction.outTradeNo());
    if (trade.isPresent() && trade.get().paid()) {
      AlipayApi.Trade t = trade.get();
      if (t.totalAmount() == null || t.totalAmount().compareTo(deduction.amount()) != 0) {
        log.error(
            "STAFF: alipay trade {} of order {} paid {} but the deduction is for {}: not recorded",
            t.tradeNo(),
            deduction.outTradeNo(),
            t.totalAmount(),
            deduction.amount());
        return Outcome.WAITING;
      }
      agreements.succeeded(
          deduction.outTradeNo(),
          t.totalAmount(),
          t.tradeNo(),
          t.paidAt() == null ? clock.instant() : t.paidAt());
      return Outcome.PAID;
    }
    if (last) {
      if (trade.isPresent() && !"TRADE_CLOSED".equals(trade.get().status())) {
        api.close(deduction.outTradeNo());
      }
      agreements.failed(deduction.outTradeNo(), "agreement cancelled or bill paid otherwise");
      return Outcome.FAILED;
    }
    return Outcome.WAITING;
  }

  private enum Outcome {
    PAID,
    FAILED,
    WAITING,
    NONE
  }

  /** What one round did: bills deducted, deductions failed, deductions still unsettled. */
  record Result(int paid, int failed, int waiting) {}
}
