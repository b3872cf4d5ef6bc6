package io.gridbot.service.payment;

import java.math.BigDecimal;

/**
 * A {@code PAYMENT} ledger entry with the channel of the order it names; channel is null when no
 * such order exists.
 */
record LedgerPayment(String reference, BigDecimal amount, PaymentChannel channel) {}
