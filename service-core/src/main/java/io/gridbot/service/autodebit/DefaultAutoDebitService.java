package io.gridbot.service.autodebit;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountNotFound;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.port.AutoDebitAgreements.CancelledByCustomer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * All changes of one account's agreements are serialised by a row lock on the account; the unique
 * request id is the backstop for retried signing requests.
 */
@Service
@Transactional
class DefaultAutoDebitService implements AutoDebitService {

  private static final Logger log = LoggerFactory.getLogger(DefaultAutoDebitService.class);
  private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9:_.\\-]{1,64}");

  private final AgreementMapper agreements;
  private final AutoDebitSettings settings;
  private final ApplicationEventPublisher events;

  DefaultAutoDebitService(
      AgreementMapper agreements, AutoDebitSettings settings, ApplicationEventPublisher events) {
    this.agreements = agreements;
    this.settings = settings;
    this.events = events;
  }

  @Override
  public Eligibility eligibility(AccountNo account) {
    Objects.requireNonNull(account, "account");
    BigDecimal arrears =
        agreements.lockActiveAccount(account).orElseThrow(() -> new AccountNotFound(account));
    return decide(account, arrears);
  }

  private Eligibility decide(AccountNo account, BigDecimal arrears) {
    boolean signed =
        agreements.findByAccount(account).stream()
            .anyMatch(a -> a.state() == AgreementState.SIGNED);
    return new Eligibility(
        EligibilityRule.reason(
            signed, agreements.hasTag(account, settings.tag().name()), arrears, settings));
  }

  @Override
  public Agreement requestSigning(
      AccountNo account, ChannelUser user, AutoDebitChannel channel, String requestId) {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(channel, "channel");
    require(requestId, "request id");
    BigDecimal arrears =
        agreements.lockActiveAccount(account).orElseThrow(() -> new AccountNotFound(account));
    Optional<Agreement> earlier = agreements.findByRequestId(requestId);
    if (earlier.isPresent()) {
      Agreement first = earlier.get();
      if (!first.accountNo().equals(account)
          || !first.user().equals(user)
          || first.channel() != channel) {
        throw new AutoDebitRequestConflict(requestId);
      }
      return first;
    }
    Eligibility eligibility = decide(account, arrears);
    if (!eligibility.eligible()) {
      throw new AutoDebitNotEligible(account, eligibility.reason());
    }
    agreements.insert(requestId, account, user, channel, now());
    Agreement created = agreements.findByRequestId(requestId).orElseThrow();
    log.info(
        "auto-debit signing requested for account {} ({}, {}), request {}",
        account.masked(),
        channel,
        user.channel(),
        requestId);
    return created;
  }

  @Override
  public Agreement markSigned(String requestId, String agreementNo) {
    require(requestId, "request id");
    require(agreementNo, "agreement number");
    Agreement agreement =
        agreements
            .findByRequestId(requestId)
            .orElseThrow(() -> new AgreementNotFound("request " + requestId));
    agreements.lockActiveAccount(agreement.accountNo());
    agreement = agreements.findByRequestId(requestId).orElseThrow();
    if (agreement.state() == AgreementState.SIGNED && agreementNo.equals(agreement.agreementNo())) {
      return agreement;
    }
    if (agreement.state() != AgreementState.PENDING
        || agreements.transition(
                agreement.id(), AgreementState.PENDING, AgreementState.SIGNED, agreementNo, now())
            != 1) {
      throw new AgreementTransitionNotAllowed(requestId, agreement.state(), AgreementState.SIGNED);
    }
    log.info(
        "auto-debit agreement {} signed for account {}", requestId, agreement.accountNo().masked());
    return agreements.findByRequestId(requestId).orElseThrow();
  }

  @Override
  public List<Agreement> unsign(AccountNo account) {
    Objects.requireNonNull(account, "account");
    agreements.lockActiveAccount(account);
    List<Agreement> cancelled = new ArrayList<>();
    Instant now = now();
    for (Agreement a : agreements.findByAccount(account)) {
      if (a.state() != AgreementState.UNSIGNED
          && agreements.transition(a.id(), a.state(), AgreementState.UNSIGNED, null, now) == 1) {
        cancelled.add(a);
      }
    }
    if (cancelled.isEmpty()) {
      throw new AgreementNotFound("nothing to cancel for account " + account.masked());
    }
    log.info(
        "auto-debit cancelled for account {}: {} agreements", account.masked(), cancelled.size());
    // the channel adapters tell the platform once this commits
    for (Agreement a : cancelled) {
      events.publishEvent(
          new CancelledByCustomer(
              a.channel().name().toLowerCase(java.util.Locale.ROOT),
              a.requestId(),
              a.agreementNo()));
    }
    return cancelled.stream()
        .map(a -> agreements.findByRequestId(a.requestId()).orElseThrow())
        .toList();
  }

  @Override
  @Transactional(readOnly = true)
  public List<Agreement> agreementsOf(AccountNo account) {
    return agreements.findByAccount(Objects.requireNonNull(account, "account"));
  }

  private static void require(String value, String name) {
    if (value == null || !REFERENCE.matcher(value).matches()) {
      throw new IllegalArgumentException(name + " must be 1 to 64 of [A-Za-z0-9:_.-]");
    }
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
