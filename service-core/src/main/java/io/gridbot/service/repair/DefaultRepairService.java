package io.gridbot.service.repair;

import io.gridbot.service.account.Account;
import io.gridbot.service.account.AccountNotFound;
import io.gridbot.service.account.AccountService;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.notification.Notice;
import io.gridbot.service.notification.NotificationPublisher;
import io.gridbot.service.outage.AreaCode;
import io.gridbot.service.outage.ChinaTime;
import io.gridbot.service.outage.Outage;
import io.gridbot.service.outage.OutageRestored;
import io.gridbot.service.outage.OutageService;
import io.gridbot.service.outage.StaffId;
import io.gridbot.service.port.NotificationSender;
import io.gridbot.service.repair.TicketMapper.NewOutageReport;
import io.gridbot.service.repair.TicketMapper.NewTicket;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class DefaultRepairService implements RepairService {

  static final String CUSTOMER = "customer";
  static final String SYSTEM = "system";
  static final int MAX_BY_REPORTER = 100;
  static final int MAX_IN_AREA = 1000;

  private static final Logger log = LoggerFactory.getLogger(DefaultRepairService.class);

  private static final String WEB = "web";
  private static final String SMS = "sms";
  private static final java.util.regex.Pattern MOBILE =
      java.util.regex.Pattern.compile("1[3-9]\\d{9}");

  private final TicketMapper tickets;
  private final AccountService accounts;
  private final OutageService outages;
  private final NotificationPublisher publisher;
  private final RepairProperties properties;

  private final AreaLookup areas;
  private final boolean smsForWeb;

  DefaultRepairService(
      TicketMapper tickets,
      AccountService accounts,
      OutageService outages,
      NotificationPublisher publisher,
      RepairProperties properties,
      AreaLookup areas,
      ObjectProvider<NotificationSender> senders) {
    this.areas = areas;
    this.smsForWeb = senders.stream().anyMatch(sender -> SMS.equals(sender.channel()));
    this.tickets = tickets;
    this.accounts = accounts;
    this.outages = outages;
    this.publisher = publisher;
    this.properties = properties;
  }

  // READ COMMITTED: the reads after the area lock must see what earlier lock holders committed;
  // under REPEATABLE READ they would see the snapshot taken by the account lookup before the lock.
  @Override
  @Transactional(isolation = Isolation.READ_COMMITTED)
  public FaultReportResult reportFault(FaultReport report) {
    Objects.requireNonNull(report, "report");
    AreaCode area = areaOf(report);
    tickets.upsertAreaLock(area.value());
    tickets.lockArea(area.value());
    Instant now = now();

    Optional<Outage> outage = outages.covering(area, now);
    if (outage.isPresent()) {
      long reportId = recordAgainst(outage.get(), report, area, now);
      return new FaultReportResult.LinkedToOutage(reportId, outage.get());
    }

    TicketRow opened = open(report, area, now);
    List<TicketRow> cluster =
        tickets.findClusterCandidates(area.value(), now.minus(properties.clusterWindow()));
    if (cluster.size() < properties.clusterSize()) {
      return new FaultReportResult.TicketOpened(ticket(opened));
    }
    Outage detected = outages.openDetectedFault(area, cluster.size());
    tickets.linkToOutage(cluster.stream().map(TicketRow::id).toList(), detected.id());
    for (TicketRow member : cluster) {
      tell(member, TicketNotices.joinedOutage(member, detected));
    }
    log.info(
        "tickets {} joined outage {} in area {}",
        cluster.stream().map(TicketRow::ticketNo).toList(),
        detected.id(),
        area);
    return new FaultReportResult.OutageDetected(ticket(reload(opened)), detected);
  }

  @Override
  public Ticket dispatch(TicketNo no, StaffId by, Instant expectedRestoration, String note) {
    Objects.requireNonNull(by, "by");
    Instant now = now();
    requireFuture(expectedRestoration, now);
    TicketRow row = lock(no);
    requireMove(row, TicketState.DISPATCHED);
    if (expectedRestoration != null) {
      tickets.updateExpectedRestoration(row.id(), truncate(expectedRestoration), now);
    }
    return move(row, TicketState.DISPATCHED, by.value(), note, now);
  }

  @Override
  public Ticket arriveOnSite(TicketNo no, StaffId by, String note) {
    Objects.requireNonNull(by, "by");
    return move(lock(no), TicketState.ON_SITE, by.value(), note, now());
  }

  @Override
  public Ticket resolve(TicketNo no, StaffId by, String note) {
    Objects.requireNonNull(by, "by");
    return move(lock(no), TicketState.RESOLVED, by.value(), note, now());
  }

  @Override
  public Ticket cancel(TicketNo no, StaffId by, String note) {
    Objects.requireNonNull(by, "by");
    return move(lock(no), TicketState.CANCELLED, by.value(), note, now());
  }

  @Override
  public Ticket cancelByReporter(TicketNo no, ChannelUser reporter, String note) {
    Objects.requireNonNull(reporter, "reporter");
    TicketRow row = lock(no);
    if (!row.reporter().equals(reporter)) {
      // the same answer as for an unknown number: ticket numbers are guessable
      throw new TicketNotFound(no);
    }
    return move(row, TicketState.CANCELLED, CUSTOMER, note, now());
  }

  /**
   * Resolves the open tickets linked to the restored outage, inside the restoring transaction, and
   * tells each reporter as a resolve by staff does. Any open state may be resolved here: the crew
   * fixed the fault for the whole outage. Closed tickets are left alone, so a repeated event
   * changes nothing. Customers whose reports were recorded against the outage are told too (a
   * progress notice with the key of the area's restoration notice, so nobody hears it twice): they
   * may have reported by location without a bound account, or not subscribe to outage notices.
   */
  @EventListener
  void on(OutageRestored restored) {
    String note = "停电已恢复（停电编号 " + restored.outageId() + "）";
    Instant now = now();
    List<TicketRow> open = tickets.lockOpenOfOutage(restored.outageId());
    for (TicketRow row : open) {
      apply(row, TicketState.RESOLVED, restored.by().value(), note, now);
    }
    List<ChannelUser> reporters = tickets.findOutageReporters(restored.outageId());
    Notice back = TicketNotices.outageRestored(restored.outageId());
    for (ChannelUser reporter : reporters) {
      publisher.toUser(reporter, back);
    }
    log.info(
        "outage {} restored by {}: {} linked tickets resolved, {} reporters told",
        restored.outageId(),
        restored.by(),
        open.size(),
        reporters.size());
  }

  @Override
  public Ticket updateExpectedRestoration(TicketNo no, Instant expectedRestoration, StaffId by) {
    Objects.requireNonNull(expectedRestoration, "expectedRestoration");
    Objects.requireNonNull(by, "by");
    Instant now = now();
    requireFuture(expectedRestoration, now);
    TicketRow row = lock(no);
    if (!row.state().isOpen()) {
      throw new TicketTransitionNotAllowed(no, row.state(), row.state());
    }
    Instant eta = truncate(expectedRestoration);
    tickets.updateExpectedRestoration(row.id(), eta, now);
    tickets.insertEvent(
        row.id(),
        row.state(),
        row.state(),
        by.value(),
        "预计恢复时间 " + ChinaTime.formatWithDate(eta),
        now);
    TicketRow updated = reload(row);
    tell(updated, TicketNotices.estimateUpdated(updated, now));
    log.info("ticket {} estimate {} set by {}", no, updated.etaRevision(), by);
    return ticket(updated);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Ticket> find(TicketNo no) {
    return tickets.find(Objects.requireNonNull(no, "no").value()).map(this::ticket);
  }

  @Override
  @Transactional(readOnly = true)
  public List<Ticket> reportedBy(ChannelUser reporter, int limit) {
    requireLimit(limit, MAX_BY_REPORTER);
    return tickets.findByReporter(Objects.requireNonNull(reporter, "reporter"), limit).stream()
        .map(this::ticket)
        .toList();
  }

  @Override
  @Transactional(readOnly = true)
  public List<Ticket> openInArea(AreaCode area, int limit) {
    requireLimit(limit, MAX_IN_AREA);
    return tickets.findOpenInArea(Objects.requireNonNull(area, "area").value(), limit).stream()
        .map(this::ticket)
        .toList();
  }

  @Override
  @Transactional(readOnly = true)
  public List<TicketEvent> history(TicketNo no) {
    Objects.requireNonNull(no, "no");
    TicketRow row = tickets.find(no.value()).orElseThrow(() -> new TicketNotFound(no));
    return tickets.findEvents(row.id());
  }

  private AreaCode areaOf(FaultReport report) {
    if (report.accountNo() != null) {
      Account account =
          accounts
              .find(report.accountNo())
              .orElseThrow(() -> new AccountNotFound(report.accountNo()));
      return new AreaCode(account.areaCode());
    }
    if (report.area() != null) {
      return report.area();
    }
    return areas.locate(report.location(), report.address()).orElseThrow(FaultAreaUnknown::new);
  }

  /**
   * Tells the ticket's reporter. A web chat reporter may close the page and never come back, so,
   * when an SMS sender is configured, the contact phone (a mobile) gets the same notice by SMS.
   */
  private void tell(TicketRow ticket, Notice notice) {
    publisher.toUser(ticket.reporter(), notice);
    if (smsForWeb
        && WEB.equals(ticket.reporter().channel())
        && MOBILE.matcher(ticket.contactPhone()).matches()) {
      publisher.toUser(new ChannelUser(SMS, ticket.contactPhone()), notice);
    }
  }

  private long recordAgainst(Outage outage, FaultReport report, AreaCode area, Instant now) {
    NewOutageReport row = new NewOutageReport(outage.id(), report, area.value(), now);
    tickets.insertOutageReport(row);
    long reportId = Objects.requireNonNull(row.id, "generated report id");
    for (int i = 0; i < report.photos().size(); i++) {
      tickets.insertOutageReportPhoto(reportId, i + 1, report.photos().get(i));
    }
    log.info(
        "fault report {} ({}, phone {}) recorded against outage {} in area {}",
        reportId,
        report.reporter().channel(),
        report.contactPhone().masked(),
        outage.id(),
        area);
    return reportId;
  }

  private TicketRow open(FaultReport report, AreaCode area, Instant now) {
    TicketNo no = nextTicketNo(now);
    NewTicket row = new NewTicket(no, report, area.value(), now);
    tickets.insert(row);
    long id = Objects.requireNonNull(row.id, "generated ticket id");
    for (int i = 0; i < report.photos().size(); i++) {
      tickets.insertPhoto(id, i + 1, report.photos().get(i));
    }
    tickets.insertEvent(id, null, TicketState.RECEIVED, CUSTOMER, null, now);
    TicketRow opened = tickets.findById(id).orElseThrow();
    tell(opened, TicketNotices.of(opened, now));
    log.info(
        "ticket {} opened in area {} ({}, phone {}{})",
        no,
        area,
        report.reporter().channel(),
        report.contactPhone().masked(),
        report.accountNo() == null ? "" : ", account " + report.accountNo().masked());
    return opened;
  }

  private TicketNo nextTicketNo(Instant now) {
    LocalDate day = ChinaTime.dayOf(now);
    tickets.incrementSequence(day);
    return TicketNo.of(day, tickets.currentSequence(day));
  }

  private TicketRow lock(TicketNo no) {
    Objects.requireNonNull(no, "no");
    return tickets.lock(no.value()).orElseThrow(() -> new TicketNotFound(no));
  }

  /** Checks the machine, moves the locked ticket, records the event and tells the reporter. */
  private Ticket move(TicketRow row, TicketState to, String actor, String note, Instant now) {
    requireMove(row, to);
    return apply(row, to, actor, note, now);
  }

  /**
   * Moves the locked ticket without checking the machine, records the event, tells the reporter.
   */
  private Ticket apply(TicketRow row, TicketState to, String actor, String note, Instant now) {
    // the row is locked, so the state cannot have changed since it was read
    tickets.moveTo(row.id(), row.state(), to, now);
    tickets.insertEvent(row.id(), row.state(), to, actor, note, now);
    TicketRow moved = reload(row);
    tell(moved, TicketNotices.of(moved, now));
    log.info("ticket {} moved from {} to {} by {}", row.ticketNo(), row.state(), to, actor);
    return ticket(moved);
  }

  private static void requireMove(TicketRow row, TicketState to) {
    if (!row.state().canMoveTo(to)) {
      throw new TicketTransitionNotAllowed(row.no(), row.state(), to);
    }
  }

  private TicketRow reload(TicketRow row) {
    return tickets.findById(row.id()).orElseThrow();
  }

  private Ticket ticket(TicketRow row) {
    return row.withPhotos(tickets.findPhotos(row.id()));
  }

  private static void requireLimit(int limit, int max) {
    if (limit < 1 || limit > max) {
      throw new IllegalArgumentException("limit must be 1 to " + max + ", got " + limit);
    }
  }

  private static void requireFuture(Instant at, Instant now) {
    if (at != null && !at.isAfter(now)) {
      throw new IllegalArgumentException("the expected restoration must be in the future: " + at);
    }
  }

  private static Instant truncate(Instant at) {
    return at.truncatedTo(ChronoUnit.MILLIS);
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
