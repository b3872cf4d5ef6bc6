package io.gridbot.service.appointment;

import io.gridbot.service.account.AccountNotFound;
import io.gridbot.service.account.ChannelUser;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Books, moves and closes appointments; see {@link BookingState} for the state machine. A slot
 * never holds more bookings than its capacity, however many customers book at once. Every change
 * tells the customer through the {@code NotificationPublisher} (a {@code progress} notice keyed
 * {@code booking:<no>:<STATE>}; after a booking moved, the key ends with {@code :<moves>} so that
 * repeated states are told again). A failed call changes nothing.
 */
public interface BookingService {

  /**
   * Books a place in the slot; the booking is BOOKED.
   *
   * @throws ServiceTypeNotFound if the type does not exist or is not offered
   * @throws SlotNotFound if the slot does not exist or its point is closed
   * @throws SlotNotBookable if the slot has started or its point does not serve the type
   * @throws AddressRequired if the type is on site and no address was given
   * @throws AccountNotFound if an account was given that does not exist or is closed
   * @throws SlotFull if the slot has no place left
   */
  Booking book(BookingRequest request);

  /** The booking with this number, if any. */
  Optional<Booking> find(BookingNo no);

  /** The customer's latest 50 bookings, newest first. */
  List<Booking> bookingsOf(ChannelUser customer);

  /**
   * The customer cancels their BOOKED or CONFIRMED booking; its place is given back.
   *
   * @throws BookingNotFound if there is no such booking of this customer
   * @throws IllegalBookingTransition if it is done, missed or cancelled already
   */
  Booking cancel(BookingNo no, ChannelUser requester);

  /**
   * The customer moves their open booking to another slot in one step: the new place is taken and
   * the old one given back, or, if anything fails, nothing changes. The booking is BOOKED again
   * (staff confirm the new time) and will be reminded again.
   *
   * @throws BookingNotFound if there is no such booking of this customer
   * @throws IllegalBookingTransition if the booking is not BOOKED or CONFIRMED
   * @throws SlotNotFound if the new slot does not exist
   * @throws SlotNotBookable if it is the booking's slot, has started or does not serve the type
   * @throws SlotFull if the new slot has no place left
   */
  Booking reschedule(BookingNo no, ChannelUser requester, long newSlotId);

  /**
   * Staff confirm a BOOKED booking.
   *
   * @throws BookingNotFound if there is no such booking
   * @throws IllegalBookingTransition if it is not BOOKED
   */
  Booking confirm(BookingNo no);

  /**
   * Staff hand an open booking to another service point's slot at the same date and time; its place
   * moves with it and its state stays.
   *
   * @throws BookingNotFound if there is no such booking
   * @throws IllegalBookingTransition if it is not BOOKED or CONFIRMED
   * @throws ServicePointNotFound if the point does not exist or is closed
   * @throws SlotNotFound if the point has no slot at that date and time
   * @throws SlotNotBookable if it is the same point or the point does not serve the type
   * @throws SlotFull if that slot has no place left
   */
  Booking reassign(BookingNo no, String servicePointCode);

  /**
   * Staff mark a CONFIRMED booking done.
   *
   * @throws BookingNotFound if there is no such booking
   * @throws IllegalBookingTransition if it is not CONFIRMED
   */
  Booking markDone(BookingNo no);

  /**
   * Staff mark a CONFIRMED booking missed: the customer did not come or was not home.
   *
   * @throws BookingNotFound if there is no such booking
   * @throws IllegalBookingTransition if it is not CONFIRMED
   */
  Booking markNoShow(BookingNo no);

  /** The open bookings on {@code date} whose reminder has not gone out, earliest first. */
  List<Booking> remindersDue(LocalDate date);

  /**
   * Marks the booking reminded and sends the day-before reminder, once: only the first call for an
   * open booking (per slot it was moved to) does anything.
   *
   * @return whether this call sent the reminder; false if it was sent already or the booking is not
   *     open (or does not exist)
   */
  boolean markReminded(BookingNo no);
}
