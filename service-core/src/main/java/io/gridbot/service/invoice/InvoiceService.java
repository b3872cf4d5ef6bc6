package io.gridbot.service.invoice;

import io.gridbot.service.account.AccountNotFound;
import io.gridbot.service.payment.OutTradeNo;
import io.gridbot.service.payment.PaymentOrderNotFound;
import java.util.Optional;

/** Electronic invoices for paid payment orders, one per order. */
public interface InvoiceService {

  /**
   * Issues the invoice of a paid order, made out to the account's customer. An order that already
   * has one gets that same invoice back, whatever {@code email} is this time.
   *
   * @param email where to send it, or null for none (the customer downloads it)
   * @throws PaymentOrderNotFound if there is no such order
   * @throws PaymentNotInvoiceable if the order is not {@code PAID}
   * @throws AccountNotFound if the order's account no longer exists
   * @throws IllegalArgumentException if {@code email} is not an e-mail address of at most 254
   *     characters
   */
  Invoice issue(OutTradeNo outTradeNo, String email);

  /** The order's invoice; empty if none was issued. */
  Optional<Invoice> forPayment(OutTradeNo outTradeNo);

  /** The invoice; empty if there is none. */
  Optional<Invoice> find(String invoiceNo);
}
