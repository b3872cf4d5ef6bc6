package io.gridbot.service.payment;

import io.gridbot.service.account.AccountNo;
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
}
