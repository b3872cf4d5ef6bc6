package io.gridbot.service.invoice;

/** Where an invoice is in its life; only issued invoices exist so far. */
public enum InvoiceState {
  ISSUED
}
