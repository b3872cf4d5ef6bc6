package io.gridbot.service.payment;

import java.math.BigDecimal;

/**
 * A ledger entry (a {@code PAYMENT}, or a refund entry that names no refund) with the channel of
 * the order its reference names; channel is null when no such order exists.
 */
record LedgerPayment(String reference, BigDecimal amount, PaymentChannel channel) {}
