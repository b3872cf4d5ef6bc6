package io.gridbot.service.autodebit;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * A bill's deduction with what decides its next step: the bill, its agreement and its order.
 *
 * @param state {@code PENDING}, {@code SUCCEEDED} or {@code FAILED}
 * @param orderState the payment order's state, e.g. {@code CREATED}, {@code PAID}
 */
record DeductionRow(
    long id,
    long billId,
    YearMonth period,
    boolean billPaid,
    AccountNo accountNo,
    String outTradeNo,
    BigDecimal amount,
    String state,
    String failure,
    long agreementId,
    AutoDebitChannel channel,
    AgreementState agreementState,
    String agreementNo,
    ChannelUser user,
    String orderState) {

  boolean pending() {
    return "PENDING".equals(state);
  }
}
