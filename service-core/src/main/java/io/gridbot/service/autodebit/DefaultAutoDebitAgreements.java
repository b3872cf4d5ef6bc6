package io.gridbot.service.autodebit;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.notification.NotificationPublisher;
import io.gridbot.service.payment.PaymentChannel;
import io.gridbot.service.payment.PaymentOrder;
import io.gridbot.service.payment.PaymentService;
import io.gridbot.service.port.AutoDebitAgreements;
import io.gridbot.service.port.ChannelPayments;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Auto-debit as the payment channels see it. Locks follow the ledger's order: a deduction is
 * started under its account's row lock; a confirmation locks the payment order (through the
 * ledger), then the account, then the deduction row; a failure closes the order first, then locks
 * the deduction row. The unique bill id of a deduction is the backstop against a second one.
 */
@Service
@Transactional
class DefaultAutoDebitAgreements implements AutoDebitAgreements {

  private static final Logger log = LoggerFactory.getLogger(DefaultAutoDebitAgreements.class);
  private static final String PENDING = "PENDING";
  private static final String SUCCEEDED = "SUCCEEDED";
  private static final String FAILED = "FAILED";
  private static final String EXTERNAL_PREFIX = "AD";
  private static final java.util.regex.Pattern EXTERNAL =
      java.util.regex.Pattern.compile("AD[1-9][0-9]{0,17}");

  private final AgreementMapper agreements;
  private final DeductionMapper deductions;
  private final AutoDebitService service;
  private final PaymentService payments;
  private final ChannelPayments ledger;
  private final NotificationPublisher notifications;

  DefaultAutoDebitAgreements(
      AgreementMapper agreements,
      DeductionMapper deductions,
      AutoDebitService service,
      PaymentService payments,
      ChannelPayments ledger,
      NotificationPublisher notifications) {
    this.agreements = agreements;
    this.deductions = deductions;
    this.service = service;
    this.payments = payments;
    this.ledger = ledger;
    this.notifications = notifications;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<PendingAgreement> pending(String requestId) {
    if (requestId == null || requestId.length() > 64) {
      return Optional.empty();
    }
    return agreements
        .findByRequestId(requestId)
        .filter(a -> a.state() == AgreementState.PENDING)
        .map(
            a ->
                new PendingAgreement(
                    a.requestId(),
                    EXTERNAL_PREFIX + a.id(),
                    code(a.channel()),
                    a.accountNo().masked(),
                    a.user().channel(),
                    a.user().userId(),
                    a.createdAt()));
  }

  @Override
  public void signed(String externalAgreementNo, String agreementNo) {
    if (externalAgreementNo == null || !EXTERNAL.matcher(externalAgreementNo).matches()) {
      throw new AgreementRefused(Refusal.NOT_FOUND, "no agreement " + externalAgreementNo);
    }
    long id = Long.parseLong(externalAgreementNo.substring(EXTERNAL_PREFIX.length()));
    String requestId =
        deductions
            .requestIdOf(id)
            .orElseThrow(
                () ->
                    new AgreementRefused(Refusal.NOT_FOUND, "no agreement " + externalAgreementNo));
    try {
      service.markSigned(requestId, agreementNo);
    } catch (AgreementNotFound | IllegalArgumentException e) {
      throw new AgreementRefused(Refusal.NOT_FOUND, e.getMessage());
    } catch (AgreementTransitionNotAllowed e) {
      throw new AgreementRefused(Refusal.NOT_ALLOWED, e.getMessage());
    }
  }

  @Override
  public boolean unsigned(String channel, String agreementNo) {
    AutoDebitChannel platform = channel(channel);
    if (agreementNo == null || agreementNo.isBlank() || agreementNo.length() > 64) {
      return false;
    }
    Optional<Agreement> found = deductions.findByAgreementNo(platform, agreementNo);
    if (found.isEmpty()) {
      log.warn("auto-debit unsign notice for unknown {} agreement {}", channel, agreementNo);
      return false;
    }
    Agreement agreement = found.get();
    deductions.lockAccount(agreement.accountNo());
    boolean changed =
        agreements.transition(
                agreement.id(), AgreementState.SIGNED, AgreementState.UNSIGNED, null, now())
            == 1;
    log.info(
        "auto-debit agreement {} of account {} unsigned at {}{}",
        agreement.requestId(),
        agreement.accountNo().masked(),
        channel,
        changed ? "" : " (was not signed)");
    return changed;
  }

  @Override
  @Transactional(readOnly = true)
  public List<DueBill> due(String channel, int limit) {
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be 1 to 1000, got " + limit);
    }
    return deductions.due(channel(channel), limit).stream()
        .map(
            r ->
                new DueBill(
                    r.billId(),
                    r.period(),
                    r.accountNo().masked(),
                    r.amount(),
                    r.agreementNo(),
                    r.outTradeNo()))
        .toList();
  }

  @Override
  public Deduction start(String channel, long billId) {
    AutoDebitChannel platform = channel(channel);
    AccountNo account =
        deductions
            .accountOfBill(billId)
            .orElseThrow(() -> new AgreementRefused(Refusal.NOT_FOUND, "no bill " + billId));
    deductions.lockAccount(account);
    Optional<DeductionRow> existing = deductions.findByBill(billId);
    if (existing.isPresent()) {
      return existing.get().channel() == platform
          ? resume(existing.get())
          : view(existing.get(), Deduction.Next.NONE);
    }
    Agreement agreement =
        deductions
            .signedAgreement(account, platform)
            .orElseThrow(
                () ->
                    new AgreementRefused(
                        Refusal.NOT_ALLOWED,
                        "account "
                            + account.masked()
                            + " has no signed "
                            + channel
                            + " agreement"));
    BigDecimal owed =
        deductions
            .owed(billId)
            .orElseThrow(
                () -> new AgreementRefused(Refusal.NOT_ALLOWED, "bill " + billId + " is paid"));
    PaymentOrder order =
        payments.createOrder(
            account, owed, PaymentChannel.valueOf(agreement.channel().name()), agreement.user());
    try {
      deductions.insert(
          billId, agreement.id(), account, order.outTradeNo().value(), order.amount(), now());
    } catch (DuplicateKeyException e) {
      // cannot happen under the account lock; refuse rather than deduct twice
      throw new IllegalStateException("bill " + billId + " got a deduction meanwhile", e);
    }
    DeductionRow created = deductions.findByBill(billId).orElseThrow();
    log.info(
        "auto-debit deduction of bill {} ({}, account {}) started: order {}, {} yuan",
        billId,
        created.period(),
        account.masked(),
        created.outTradeNo(),
        created.amount());
    return view(created, Deduction.Next.DEDUCT);
  }

  private Deduction resume(DeductionRow row) {
    if (!row.pending()) {
      return view(row, Deduction.Next.NONE);
    }
    if (paid(row.orderState())) {
      // the platform's payment notice or the reconciliation confirmed the order already
      deductions.settle(row.id(), SUCCEEDED, null, now());
      log.info("auto-debit deduction of bill {} succeeded (order paid)", row.billId());
      return view(deductions.findByBill(row.billId()).orElseThrow(), Deduction.Next.NONE);
    }
    deductions.attempted(row.id(), now());
    boolean stillDue = row.agreementState() == AgreementState.SIGNED && !row.billPaid();
    return view(row, stillDue ? Deduction.Next.DEDUCT : Deduction.Next.QUERY);
  }

  @Override
  public Deduction succeeded(
      String outTradeNo, BigDecimal paidAmount, String tradeNo, Instant paidAt) {
    DeductionRow row = deductions.findByOrder(outTradeNo).orElseThrow(() -> none(outTradeNo));
    ledger.confirm(outTradeNo, paidAmount, tradeNo, paidAt);
    deductions.lockByOrder(outTradeNo);
    if (deductions.settle(row.id(), SUCCEEDED, null, now()) == 1) {
      log.info(
          "auto-debit deduction of bill {} (account {}) succeeded: order {}, trade {}",
          row.billId(),
          row.accountNo().masked(),
          outTradeNo,
          tradeNo);
    }
    return view(deductions.findByOrder(outTradeNo).orElseThrow(), Deduction.Next.NONE);
  }

  @Override
  public Deduction failed(String outTradeNo, String reason) {
    DeductionRow row = deductions.findByOrder(outTradeNo).orElseThrow(() -> none(outTradeNo));
    String orderState =
        ledger.order(outTradeNo).map(ChannelPayments.ChannelOrder::state).orElse("");
    if (paid(orderState)) {
      // paid after all (the platform's payment notice came first): that is the outcome
      deductions.lockByOrder(outTradeNo);
      deductions.settle(row.id(), SUCCEEDED, null, now());
      return view(deductions.findByOrder(outTradeNo).orElseThrow(), Deduction.Next.NONE);
    }
    ledger.close(outTradeNo);
    deductions.lockByOrder(outTradeNo);
    DeductionRow locked = deductions.findByOrder(outTradeNo).orElseThrow();
    if (!locked.pending()) {
      return view(locked, Deduction.Next.NONE);
    }
    String why = reason == null || reason.isBlank() ? "refused" : reason.strip();
    deductions.settle(row.id(), FAILED, why.length() > 200 ? why.substring(0, 200) : why, now());
    if (!locked.billPaid()) {
      notifications.toUser(row.user(), AutoDebitNotices.failed(row));
    }
    log.warn(
        "auto-debit deduction of bill {} (account {}) failed: order {} closed, {}",
        row.billId(),
        row.accountNo().masked(),
        outTradeNo,
        why);
    return view(deductions.findByOrder(outTradeNo).orElseThrow(), Deduction.Next.NONE);
  }

  /** Whether a payment order in this state was paid (a refund came later, if REFUNDED). */
  private static boolean paid(String orderState) {
    return "PAID".equals(orderState) || "REFUNDED".equals(orderState);
  }

  private static AgreementRefused none(String outTradeNo) {
    return new AgreementRefused(
        Refusal.NOT_FOUND, "no auto-debit deduction with order " + outTradeNo);
  }

  private static Deduction view(DeductionRow row, Deduction.Next next) {
    return new Deduction(
        row.billId(),
        row.period(),
        row.accountNo().masked(),
        row.outTradeNo(),
        row.amount(),
        row.agreementNo(),
        row.state(),
        next);
  }

  private static AutoDebitChannel channel(String channel) {
    Objects.requireNonNull(channel, "channel");
    return AutoDebitChannel.valueOf(channel.toUpperCase(Locale.ROOT));
  }

  private static String code(AutoDebitChannel channel) {
    return channel.name().toLowerCase(Locale.ROOT);
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
