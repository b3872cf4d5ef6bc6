package io.gridbot.service.appointment;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import java.util.Objects;

/**
 * A customer's booking of a service in a slot.
 *
 * @param account the account it is for, or null (a prospective customer, e.g. before 装表)
 * @param serviceType the booked service type's code
 * @param slot the slot it holds (or held, once final)
 * @param address where a field team goes; null for hall services when none was given
 * @param contactPhone personal data, log it masked only ({@link #maskedPhone()})
 * @param note the customer's note, or null
 * @param moves how often it was rescheduled or reassigned
 * @param reminded whether the day-before reminder went out for the current slot
 */
public record Booking(
    BookingNo no,
    ChannelUser customer,
    AccountNo account,
    String serviceType,
    Slot slot,
    String address,
    String contactPhone,
    String note,
    BookingState state,
    int moves,
    boolean reminded) {

  public Booking {
    Objects.requireNonNull(no, "no");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(serviceType, "serviceType");
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(contactPhone, "contactPhone");
    Objects.requireNonNull(state, "state");
  }

  /** The contact phone for logs, e.g. {@code 138****5678}. */
  public String maskedPhone() {
    return ContactPhone.mask(contactPhone);
  }
}
