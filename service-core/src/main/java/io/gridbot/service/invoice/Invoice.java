package io.gridbot.service.invoice;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.payment.OutTradeNo;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An electronic invoice for one paid payment order.
 *
 * @param invoiceNo {@code E}, the issue date {@code yyyyMMdd} and eight random digits
 * @param amount yuan, scale 2: the order's amount
 * @param title whom it is made out to: the customer's name
 * @param email where it was sent; null when the customer took the download link
 */
public record Invoice(
    String invoiceNo,
    OutTradeNo outTradeNo,
    AccountNo accountNo,
    BigDecimal amount,
    String title,
    String email,
    InvoiceState state,
    Instant createdAt) {

  public Invoice {
    Objects.requireNonNull(invoiceNo, "invoiceNo");
    Objects.requireNonNull(outTradeNo, "outTradeNo");
    Objects.requireNonNull(accountNo, "accountNo");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
