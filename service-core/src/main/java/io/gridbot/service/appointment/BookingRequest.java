package io.gridbot.service.appointment;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import java.util.Objects;

/**
 * What a customer asks to book. Checks what it can on its own; the service checks the rest against
 * the database (the slot exists, has room and serves the type; on-site types need an address).
 *
 * @param account the account it is for, or null
 * @param serviceType a service type code, e.g. {@code METER_CHECK}
 * @param address the customer's address, at most 255 characters; blank becomes null
 * @param contactPhone a mainland mobile ({@code 13800001234}) or a landline with area code ({@code
 *     0571-87654321})
 * @param note at most 500 characters; blank becomes null
 * @throws NullPointerException if customer, serviceType or contactPhone is null
 * @throws IllegalArgumentException if a value is malformed or too long; the message never repeats
 *     the phone number
 */
public record BookingRequest(
    ChannelUser customer,
    AccountNo account,
    String serviceType,
    long slotId,
    String address,
    String contactPhone,
    String note) {

  static final int MAX_ADDRESS = 255;
  static final int MAX_NOTE = 500;

  public BookingRequest {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(serviceType, "serviceType");
    if (serviceType.isBlank()) {
      throw new IllegalArgumentException("service type must not be blank");
    }
    if (slotId <= 0) {
      throw new IllegalArgumentException("slot id must be positive, got " + slotId);
    }
    address = blankToNull(address);
    if (address != null && address.length() > MAX_ADDRESS) {
      throw new IllegalArgumentException("address must be at most " + MAX_ADDRESS + " characters");
    }
    Objects.requireNonNull(contactPhone, "contactPhone");
    if (!ContactPhone.isValid(contactPhone)) {
      throw new IllegalArgumentException(
          "contact phone must be a mobile (11 digits) or a landline with area code");
    }
    note = blankToNull(note);
    if (note != null && note.length() > MAX_NOTE) {
      throw new IllegalArgumentException("note must be at most " + MAX_NOTE + " characters");
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
