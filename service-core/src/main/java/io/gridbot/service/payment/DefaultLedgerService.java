package io.gridbot.service.payment;

import io.gridbot.service.account.AccountNo;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class DefaultLedgerService implements LedgerService {

  private static final Logger log = LoggerFactory.getLogger(DefaultLedgerService.class);

  private final LedgerMapper entries;
  private final Ledger ledger;

  DefaultLedgerService(LedgerMapper entries, Ledger ledger) {
    this.entries = entries;
    this.ledger = ledger;
  }

  @Override
  @Transactional(readOnly = true)
  public Position derivedPosition(AccountNo no) {
    return entries.sumDeltas(Objects.requireNonNull(no, "no"));
  }

  @Override
  @Transactional(readOnly = true)
  public List<LedgerEntry> entries(AccountNo no) {
    return entries.findEntries(Objects.requireNonNull(no, "no"));
  }

  @Override
  public LedgerEntry chargeBill(AccountNo no, YearMonth period) {
    Objects.requireNonNull(no, "no");
    Objects.requireNonNull(period, "period");
    LedgerEntry entry = ledger.chargeBill(no, period, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    log.info(
        "bill {} charged to account {}: balance {}, arrears {}",
        period,
        no.masked(),
        entry.balanceAfter(),
        entry.arrearsAfter());
    return entry;
  }

  @Override
  public LedgerEntry creditCoupon(AccountNo no, BigDecimal amount, String requestId) {
    Objects.requireNonNull(no, "no");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(requestId, "requestId");
    if (requestId.isEmpty() || requestId.length() > 64) {
      throw new IllegalArgumentException("a request id has 1 to 64 characters: " + requestId);
    }
    BigDecimal yuan;
    try {
      yuan = amount.setScale(2, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("a coupon amount has at most two decimals: " + amount, e);
    }
    if (yuan.signum() <= 0) {
      throw new IllegalArgumentException("a coupon must be worth more than 0: " + amount);
    }
    LedgerEntry entry =
        ledger.creditCoupon(
            no,
            yuan,
            requestId,
            "coupon:" + requestId,
            Instant.now().truncatedTo(ChronoUnit.MILLIS));
    if (!entry.accountNo().equals(no) || entry.amount().compareTo(yuan) != 0) {
      throw new IllegalStateException(
          "coupon " + requestId + " was credited before to another account or amount");
    }
    log.info(
        "coupon {} of {} yuan credited to account {}: balance {}, arrears {}",
        requestId,
        yuan,
        no.masked(),
        entry.balanceAfter(),
        entry.arrearsAfter());
    return entry;
  }
}
