package io.gridbot.service.autodebit;

import io.gridbot.service.account.AccountNo;
import java.math.BigDecimal;
import java.time.YearMonth;

/** A bill to deduct, as read; see {@link io.gridbot.service.port.AutoDebitAgreements.DueBill}. */
record DueRow(
    long billId,
    YearMonth period,
    AccountNo accountNo,
    BigDecimal amount,
    String agreementNo,
    String outTradeNo) {}
