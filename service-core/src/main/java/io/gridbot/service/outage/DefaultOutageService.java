package io.gridbot.service.outage;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.notification.Notice;
import io.gridbot.service.notification.NotificationPublisher;
import io.gridbot.service.outage.OutageMapper.NewOutage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class DefaultOutageService implements OutageService {

  static final String SYSTEM = "system";
  static final int MAX_PAGE = 1000;

  private static final Logger log = LoggerFactory.getLogger(DefaultOutageService.class);

  private final OutageMapper outages;
  private final NotificationPublisher publisher;
  private final ApplicationEventPublisher events;

  DefaultOutageService(
      OutageMapper outages, NotificationPublisher publisher, ApplicationEventPublisher events) {
    this.outages = outages;
    this.publisher = publisher;
    this.events = events;
  }

  @Override
  public Outage schedulePlanned(PlannedOutage plan, StaffId by) {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(by, "by");
    Outage outage =
        open(
            OutageKind.PLANNED,
            OutageState.SCHEDULED,
            plan.areas(),
            plan.reason(),
            plan.startsAt(),
            plan.endsAt(),
            null,
            by.value());
    log.info("outage {} scheduled by {} for {}", outage.id(), by, outage.areas());
    return outage;
  }

  @Override
  public Outage publish(long outageId, StaffId by) {
    Objects.requireNonNull(by, "by");
    OutageRow row = outages.lock(outageId).orElseThrow(() -> new OutageNotFound(outageId));
    if (row.state() == OutageState.SCHEDULED && !row.startsAt().isAfter(now())) {
      throw new OutageAlreadyStarted(outageId, row.startsAt());
    }
    Outage outage = move(outageId, OutageState.ANNOUNCED, by.value(), null);
    tellAreas(outage, OutageNotices.published(outage, now()));
    return outage;
  }

  @Override
  public Outage openUnplanned(
      List<AreaCode> areas, String reason, Instant expectedEnd, StaffId by) {
    Objects.requireNonNull(by, "by");
    Instant now = now();
    requireFuture(expectedEnd, now);
    Outage outage =
        open(
            OutageKind.UNPLANNED,
            OutageState.ACTIVE,
            Outages.checkAreas(areas),
            Outages.checkReason(reason),
            now,
            truncate(expectedEnd),
            null,
            by.value());
    log.info("unplanned outage {} opened by {} for {}", outage.id(), by, outage.areas());
    tellAreas(outage, OutageNotices.published(outage, now));
    return outage;
  }

  @Override
  public Outage openDetectedFault(AreaCode area, int reports) {
    Objects.requireNonNull(area, "area");
    Outage outage =
        open(
            OutageKind.UNPLANNED,
            OutageState.ACTIVE,
            List.of(area),
            "线路故障",
            now(),
            null,
            area.value(),
            SYSTEM);
    log.info(
        "unplanned outage {} opened for area {} after {} fault reports",
        outage.id(),
        area,
        reports);
    tellAreas(outage, OutageNotices.published(outage, now()));
    return outage;
  }

  @Override
  public Outage start(long outageId, StaffId by) {
    Objects.requireNonNull(by, "by");
    return move(outageId, OutageState.ACTIVE, by.value(), null);
  }

  @Override
  public Outage updateEstimate(long outageId, Instant expectedEnd, StaffId by) {
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(expectedEnd, "expectedEnd");
    Instant now = now();
    requireFuture(expectedEnd, now);
    OutageRow row = outages.lock(outageId).orElseThrow(() -> new OutageNotFound(outageId));
    if (!row.state().isCurrent()) {
      throw new OutageTransitionNotAllowed(outageId, row.state(), row.state());
    }
    Instant eta = truncate(expectedEnd);
    outages.updateEstimate(outageId, eta, now);
    outages.insertEvent(outageId, row.state(), row.state(), eta, by.value(), "预计恢复时间更新", now);
    Outage outage = load(outageId);
    log.info("outage {} estimate {} set by {}", outageId, outage.etaRevision(), by);
    tellAreas(outage, OutageNotices.estimateUpdated(outage, now));
    return outage;
  }

  @Override
  public Outage restore(long outageId, StaffId by) {
    Objects.requireNonNull(by, "by");
    Outage outage = move(outageId, OutageState.RESTORED, by.value(), null);
    events.publishEvent(new OutageRestored(outage.id(), by, outage.restoredAt()));
    tellAreas(outage, OutageNotices.restored(outage));
    return outage;
  }

  @Override
  public Outage cancel(long outageId, StaffId by, String note) {
    Objects.requireNonNull(by, "by");
    OutageState before =
        outages.lock(outageId).orElseThrow(() -> new OutageNotFound(outageId)).state();
    Outage outage = move(outageId, OutageState.CANCELLED, by.value(), note);
    if (before == OutageState.ANNOUNCED) {
      tellAreas(outage, OutageNotices.cancelled(outage));
    }
    return outage;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Outage> find(long outageId) {
    return outages.find(outageId).map(withAreas());
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Outage> covering(AreaCode area, Instant at) {
    Objects.requireNonNull(area, "area");
    Objects.requireNonNull(at, "at");
    return outages.findCovering(area.value(), at).map(withAreas());
  }

  @Override
  @Transactional(readOnly = true)
  public List<Outage> current() {
    return outages.findCurrent().stream().map(withAreas()).toList();
  }

  @Override
  @Transactional(readOnly = true)
  public long affectedAccountCount(long outageId) {
    requireExists(outageId);
    return outages.countAffectedAccounts(outageId);
  }

  @Override
  @Transactional(readOnly = true)
  public List<AccountNo> affectedAccounts(long outageId, int offset, int limit) {
    if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
      throw new IllegalArgumentException(
          "offset must be 0 or more and limit 1 to " + MAX_PAGE + ", got " + offset + ", " + limit);
    }
    requireExists(outageId);
    return outages.findAffectedAccounts(outageId, offset, limit);
  }

  private Outage open(
      OutageKind kind,
      OutageState state,
      List<AreaCode> areas,
      String reason,
      Instant startsAt,
      Instant expectedEnd,
      String autoArea,
      String actor) {
    Instant now = now();
    NewOutage row =
        new NewOutage(
            kind, state, reason, truncate(startsAt), truncate(expectedEnd), autoArea, actor, now);
    outages.insert(row);
    long id = Objects.requireNonNull(row.id, "generated outage id");
    areas.forEach(area -> outages.insertArea(id, area.value()));
    outages.insertEvent(id, null, state, row.expectedEnd, actor, null, now);
    return load(id);
  }

  /** Locks the outage, checks the machine, moves it and records the event. */
  private Outage move(long outageId, OutageState to, String actor, String note) {
    OutageRow row = outages.lock(outageId).orElseThrow(() -> new OutageNotFound(outageId));
    if (!row.state().canMoveTo(to)) {
      throw new OutageTransitionNotAllowed(outageId, row.state(), to);
    }
    Instant now = now();
    // the row is locked, so the state cannot have changed since it was read
    outages.moveTo(outageId, row.state(), to, to == OutageState.RESTORED ? now : null, now);
    outages.insertEvent(outageId, row.state(), to, row.expectedEnd(), actor, note, now);
    log.info("outage {} moved from {} to {} by {}", outageId, row.state(), to, actor);
    return load(outageId);
  }

  private void tellAreas(Outage outage, Notice notice) {
    outage.areas().forEach(area -> publisher.toArea(area.value(), notice));
  }

  private Outage load(long outageId) {
    return outages.find(outageId).map(withAreas()).orElseThrow();
  }

  private Function<OutageRow, Outage> withAreas() {
    return row -> row.withAreas(outages.findAreas(row.id()));
  }

  private void requireExists(long outageId) {
    if (outages.find(outageId).isEmpty()) {
      throw new OutageNotFound(outageId);
    }
  }

  private static void requireFuture(Instant expectedEnd, Instant now) {
    if (expectedEnd != null && !expectedEnd.isAfter(now)) {
      throw new IllegalArgumentException("the expected end must be in the future: " + expectedEnd);
    }
  }

  private static Instant truncate(Instant at) {
    return at == null ? null : at.truncatedTo(ChronoUnit.MILLIS);
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
