package io.gridbot.service.appointment;

/** Where a service takes place; a service point serves the service types of its location only. */
public enum ServiceLocation {
  /** A field team comes to the customer's address; the booking needs an address. */
  ON_SITE,
  /** The customer comes to a business hall (营业厅). */
  HALL
}
