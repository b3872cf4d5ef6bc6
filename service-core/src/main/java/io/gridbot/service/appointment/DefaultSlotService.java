package io.gridbot.service.appointment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class DefaultSlotService implements SlotService {

  private static final Logger log = LoggerFactory.getLogger(DefaultSlotService.class);

  private final CatalogueMapper catalogue;
  private final SlotMapper slots;
  private final AppointmentProperties properties;
  private final Clock clock;

  DefaultSlotService(
      CatalogueMapper catalogue,
      SlotMapper slots,
      AppointmentProperties properties,
      ObjectProvider<Clock> clock) {
    this.catalogue = catalogue;
    this.slots = slots;
    this.properties = properties;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  @Override
  public List<ServiceType> serviceTypes() {
    return catalogue.findServiceTypes();
  }

  @Override
  public List<ServicePoint> servicePoints(String areaCode) {
    return catalogue.findServicePoints(Objects.requireNonNull(areaCode, "areaCode"));
  }

  @Override
  @Transactional
  public Slot openSlot(
      String servicePointCode, LocalDate date, LocalTime start, LocalTime end, int capacity) {
    Objects.requireNonNull(servicePointCode, "servicePointCode");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("slot must end after it starts: " + start + "-" + end);
    }
    if (capacity < 1 || capacity > 1000) {
      throw new IllegalArgumentException("capacity must be 1 to 1000, got " + capacity);
    }
    long pointId =
        catalogue
            .findServicePointId(servicePointCode)
            .orElseThrow(() -> new ServicePointNotFound(servicePointCode));
    try {
      slots.insert(pointId, date, start, end, capacity);
    } catch (DuplicateKeyException e) {
      throw new SlotAlreadyOpen(servicePointCode, date, start);
    }
    Slot slot = slots.findAt(pointId, date, start).orElseThrow();
    log.info(
        "opened slot {} of {} on {} {}-{} for {}",
        slot.id(),
        servicePointCode,
        date,
        start,
        end,
        capacity);
    return slot;
  }

  @Override
  public List<Slot> freeSlots(String serviceType, String areaCode, LocalDate fromDate, int days) {
    Objects.requireNonNull(serviceType, "serviceType");
    Objects.requireNonNull(areaCode, "areaCode");
    Objects.requireNonNull(fromDate, "fromDate");
    if (days < 1 || days > properties.maxDaysAhead()) {
      throw new IllegalArgumentException(
          "days must be 1 to " + properties.maxDaysAhead() + ", got " + days);
    }
    ServiceType type =
        catalogue
            .findServiceType(serviceType)
            .orElseThrow(() -> new ServiceTypeNotFound(serviceType));
    LocalDateTime now = LocalDateTime.now(clock.withZone(properties.zone()));
    return slots.findFree(
        type.location(),
        areaCode,
        fromDate,
        fromDate.plusDays(days - 1L),
        now.toLocalDate(),
        now.toLocalTime());
  }
}
