package io.gridbot.service.appointment;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface BookingMapper {

  /** The booking row, locked until commit. Locks the booking only, never its slot. */
  Optional<BookingLock> lock(@Param("no") BookingNo no);

  void insert(
      @Param("no") BookingNo no,
      @Param("customer") ChannelUser customer,
      @Param("account") AccountNo account,
      @Param("serviceType") String serviceType,
      @Param("slotId") long slotId,
      @Param("address") String address,
      @Param("contactPhone") String contactPhone,
      @Param("note") String note,
      @Param("at") Instant at);

  Optional<Booking> find(@Param("no") BookingNo no);

  /** Newest first. */
  List<Booking> findByCustomer(@Param("customer") ChannelUser customer, @Param("limit") int limit);

  /** BOOKED or CONFIRMED bookings on the date not reminded yet, by time. */
  List<Booking> findRemindersDue(@Param("date") LocalDate date);

  /** Moves the state if it still is {@code from}; returns the rows changed. */
  int updateState(
      @Param("id") long id,
      @Param("from") BookingState from,
      @Param("to") BookingState to,
      @Param("at") Instant at);

  /** Puts the booking in another slot and state, counts the move and clears the reminder. */
  int move(
      @Param("id") long id,
      @Param("from") BookingState from,
      @Param("slotId") long slotId,
      @Param("to") BookingState to,
      @Param("at") Instant at);

  /** Marks an open booking reminded unless it was already; returns the rows changed. */
  int markReminded(@Param("no") BookingNo no, @Param("at") Instant at);

  /** The locked fields of a booking. */
  record BookingLock(long id, long slotId, BookingState state, ChannelUser customer) {}
}
