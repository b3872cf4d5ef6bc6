package io.gridbot.service.appointment;

import io.gridbot.service.account.AccountNotFound;
import io.gridbot.service.account.AccountService;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.account.OnlineServiceUsed;
import io.gridbot.service.appointment.BookingMapper.BookingLock;
import io.gridbot.service.notification.Notice;
import io.gridbot.service.notification.NotificationPublisher;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Concurrency: a slot's count only changes through one conditional UPDATE ({@link
 * SlotMapper#take}), so it never exceeds capacity. Every change of an existing booking first locks
 * the booking row (never its slot); a move then updates the two slots in ascending id order, so two
 * moves in opposite directions cannot deadlock.
 */
@Service
@Transactional
class DefaultBookingService implements BookingService {

  private static final Logger log = LoggerFactory.getLogger(DefaultBookingService.class);
  private static final int MAX_LISTED = 50;
  private static final int NUMBER_ATTEMPTS = 3;

  private final CatalogueMapper catalogue;
  private final SlotMapper slots;
  private final BookingMapper bookings;
  private final AccountService accounts;
  private final NotificationPublisher publisher;
  private final AppointmentProperties properties;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  DefaultBookingService(
      CatalogueMapper catalogue,
      SlotMapper slots,
      BookingMapper bookings,
      AccountService accounts,
      NotificationPublisher publisher,
      AppointmentProperties properties,
      ApplicationEventPublisher events,
      ObjectProvider<Clock> clock) {
    this.catalogue = catalogue;
    this.slots = slots;
    this.bookings = bookings;
    this.accounts = accounts;
    this.publisher = publisher;
    this.properties = properties;
    this.events = events;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  @Override
  public Booking book(BookingRequest request) {
    Objects.requireNonNull(request, "request");
    ServiceType type =
        catalogue
            .findServiceType(request.serviceType())
            .orElseThrow(() -> new ServiceTypeNotFound(request.serviceType()));
    Slot slot = slots.find(request.slotId()).orElseThrow(() -> new SlotNotFound(request.slotId()));
    requireBookable(slot, type);
    if (type.location() == ServiceLocation.ON_SITE && request.address() == null) {
      throw new AddressRequired(type.code());
    }
    if (request.account() != null && accounts.find(request.account()).isEmpty()) {
      throw new AccountNotFound(request.account());
    }
    take(slot.id());
    BookingNo no = insert(request);
    Booking booking = bookings.find(no).orElseThrow();
    log.info(
        "booking {} BOOKED: {} in slot {} ({}), contact {}",
        no,
        type.code(),
        slot.id(),
        request.customer().channel(),
        booking.maskedPhone());
    publish(booking, BookingNotices.stateReached(booking, type.name()));
    if (request.account() != null) {
      events.publishEvent(
          new OnlineServiceUsed(request.account(), "booking:" + no, request.customer()));
    }
    return booking;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Booking> find(BookingNo no) {
    return bookings.find(Objects.requireNonNull(no, "no"));
  }

  @Override
  @Transactional(readOnly = true)
  public List<Booking> bookingsOf(ChannelUser customer) {
    return bookings.findByCustomer(Objects.requireNonNull(customer, "customer"), MAX_LISTED);
  }

  @Override
  public Booking cancel(BookingNo no, ChannelUser requester) {
    BookingLock lock = lockOwned(no, requester);
    Booking cancelled = changeState(no, lock, BookingState.CANCELLED);
    slots.release(lock.slotId());
    return cancelled;
  }

  @Override
  public Booking reschedule(BookingNo no, ChannelUser requester, long newSlotId) {
    BookingLock lock = lockOwned(no, requester);
    if (!lock.state().canMoveTo(BookingState.BOOKED)) {
      throw new IllegalBookingTransition(no, lock.state(), BookingState.BOOKED);
    }
    Booking current = bookings.find(no).orElseThrow();
    Slot target = slots.find(newSlotId).orElseThrow(() -> new SlotNotFound(newSlotId));
    if (target.id() == lock.slotId()) {
      throw new SlotNotBookable(newSlotId, "the booking is in it already");
    }
    ServiceType type = typeOf(current);
    requireBookable(target, type);
    moveBetweenSlots(lock.slotId(), target.id());
    bookings.move(lock.id(), lock.state(), target.id(), BookingState.BOOKED, now());
    Booking moved = bookings.find(no).orElseThrow();
    log.info(
        "booking {} rescheduled from slot {} ({}) to slot {}",
        no,
        lock.slotId(),
        lock.state(),
        target.id());
    publish(moved, BookingNotices.rescheduled(moved, type.name()));
    return moved;
  }

  @Override
  public Booking confirm(BookingNo no) {
    return changeState(no, lock(no), BookingState.CONFIRMED);
  }

  @Override
  public Booking reassign(BookingNo no, String servicePointCode) {
    Objects.requireNonNull(servicePointCode, "servicePointCode");
    BookingLock lock = lock(no);
    if (!lock.state().isOpen()) {
      throw new IllegalBookingTransition(no, lock.state(), "reassigned");
    }
    long pointId =
        catalogue
            .findServicePointId(servicePointCode)
            .orElseThrow(() -> new ServicePointNotFound(servicePointCode));
    Booking current = bookings.find(no).orElseThrow();
    Slot from = current.slot();
    if (from.servicePointCode().equals(servicePointCode)) {
      throw new SlotNotBookable(from.id(), "the booking is at service point " + servicePointCode);
    }
    Slot target =
        slots
            .findAt(pointId, from.date(), from.start())
            .orElseThrow(() -> new SlotNotFound(servicePointCode, from.date(), from.start()));
    ServiceType type = typeOf(current);
    requireServes(target, type);
    moveBetweenSlots(from.id(), target.id());
    bookings.move(lock.id(), lock.state(), target.id(), lock.state(), now());
    Booking moved = bookings.find(no).orElseThrow();
    log.info(
        "booking {} reassigned from {} to {} (slot {} to {})",
        no,
        from.servicePointCode(),
        servicePointCode,
        from.id(),
        target.id());
    publish(moved, BookingNotices.reassigned(moved, type.name()));
    return moved;
  }

  @Override
  public Booking markDone(BookingNo no) {
    return changeState(no, lock(no), BookingState.DONE);
  }

  @Override
  public Booking markNoShow(BookingNo no) {
    return changeState(no, lock(no), BookingState.NO_SHOW);
  }

  @Override
  @Transactional(readOnly = true)
  public List<Booking> remindersDue(LocalDate date) {
    return bookings.findRemindersDue(Objects.requireNonNull(date, "date"));
  }

  @Override
  public boolean markReminded(BookingNo no) {
    Objects.requireNonNull(no, "no");
    // the conditional update decides: of concurrent callers, only one changes the row
    if (bookings.markReminded(no, now()) == 0) {
      return false;
    }
    Booking booking = bookings.find(no).orElseThrow();
    publish(booking, BookingNotices.reminder(booking, typeOf(booking).name()));
    log.info("booking {} reminded for {}", no, booking.slot().date());
    return true;
  }

  private BookingNo insert(BookingRequest request) {
    LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
    for (int attempt = 1; ; attempt++) {
      BookingNo no = BookingNo.next(today);
      try {
        bookings.insert(
            no,
            request.customer(),
            request.account(),
            request.serviceType(),
            request.slotId(),
            request.address(),
            request.contactPhone(),
            request.note(),
            now());
        return no;
      } catch (DuplicateKeyException e) {
        // only the random booking number can collide; a statement error keeps the transaction
        if (attempt == NUMBER_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private Booking changeState(BookingNo no, BookingLock lock, BookingState to) {
    BookingState from = lock.state();
    if (!from.canMoveTo(to) || from == to) {
      throw new IllegalBookingTransition(no, from, to);
    }
    bookings.updateState(lock.id(), from, to, now());
    Booking booking = bookings.find(no).orElseThrow();
    log.info("booking {} {} -> {} (slot {})", no, from, to, lock.slotId());
    publish(booking, BookingNotices.stateReached(booking, typeOf(booking).name()));
    return booking;
  }

  private BookingLock lock(BookingNo no) {
    Objects.requireNonNull(no, "no");
    return bookings.lock(no).orElseThrow(() -> new BookingNotFound(no));
  }

  private BookingLock lockOwned(BookingNo no, ChannelUser requester) {
    Objects.requireNonNull(requester, "requester");
    BookingLock lock = lock(no);
    if (!lock.customer().equals(requester)) {
      log.warn("booking {} asked for by a {} user who did not book it", no, requester.channel());
      throw new BookingNotFound(no);
    }
    return lock;
  }

  /** Gives the place in {@code from} back and takes one in {@code to}, in ascending id order. */
  private void moveBetweenSlots(long from, long to) {
    if (from < to) {
      slots.release(from);
      take(to);
    } else {
      take(to);
      slots.release(from);
    }
  }

  private void take(long slotId) {
    if (slots.take(slotId) == 0) {
      log.info("slot {} is full", slotId);
      throw new SlotFull(slotId);
    }
  }

  private void requireBookable(Slot slot, ServiceType type) {
    requireServes(slot, type);
    LocalDateTime now = LocalDateTime.now(clock.withZone(properties.zone()));
    if (!LocalDateTime.of(slot.date(), slot.start()).isAfter(now)) {
      throw new SlotNotBookable(slot.id(), "it has started already");
    }
    if (slot.date().isAfter(now.toLocalDate().plusDays(properties.maxDaysAhead()))) {
      throw new SlotNotBookable(
          slot.id(), "it is more than " + properties.maxDaysAhead() + " days ahead");
    }
  }

  private static void requireServes(Slot slot, ServiceType type) {
    if (slot.location() != type.location()) {
      throw new SlotNotBookable(
          slot.id(), "its service point serves " + slot.location() + ", not " + type.code());
    }
  }

  private ServiceType typeOf(Booking booking) {
    return catalogue.findAnyServiceType(booking.serviceType()).orElseThrow();
  }

  private void publish(Booking booking, Notice notice) {
    publisher.toUser(booking.customer(), notice);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
