package io.gridbot.service.repair;

import static io.gridbot.service.TestData.anAccount;
import static io.gridbot.service.TestData.newAccountNo;
import static io.gridbot.service.TestData.newWechatUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.gridbot.service.account.Account;
import io.gridbot.service.account.AccountNotFound;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.notification.Notice;
import io.gridbot.service.outage.AreaCode;
import io.gridbot.service.outage.ChinaTime;
import io.gridbot.service.outage.Outage;
import io.gridbot.service.outage.OutageService;
import io.gridbot.service.outage.OutageState;
import io.gridbot.service.outage.OutageTransitionNotAllowed;
import io.gridbot.service.outage.PlannedOutage;
import io.gridbot.service.outage.RecordingPublisher;
import io.gridbot.service.outage.RecordingPublisherConfiguration;
import io.gridbot.service.outage.StaffId;
import io.gridbot.service.outage.TestAreas;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Not transactional: every call commits, as in the application. Areas are unique per test. */
@SpringBootTest
@ActiveProfiles("it")
@Import(RecordingPublisherConfiguration.class)
class RepairServiceIT {

  private static final StaffId STAFF = new StaffId("wang.gong-07");

  @Autowired RepairService repairs;
  @Autowired OutageService outages;
  @Autowired RecordingPublisher published;
  @Autowired JdbcTemplate jdbc;

  private final ExecutorService pool = Executors.newFixedThreadPool(6);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  @Test
  void a_report_opens_a_ticket_in_the_account_area_with_photos_and_tells_the_reporter() {
    // given
    String area = TestAreas.newDistrict() + "-001";
    Account account = anAccount().areaCode(area).insert(jdbc);
    ChannelUser reporter = newWechatUser();
    FaultReport report =
        new FaultReport(
            reporter,
            account.accountNo(),
            new AreaCode("CN-ignored"),
            new GeoPoint(new BigDecimal("30.274085"), new BigDecimal("120.155070")),
            "幸福小区3栋2单元501",
            "家里停电了",
            List.of("wx-media-1", "wx-media-2"),
            new ContactPhone("+86 138 0000 5678"));

    // when
    FaultReportResult result = repairs.reportFault(report);

    // then
    assertThat(result).isInstanceOf(FaultReportResult.TicketOpened.class);
    Ticket ticket = ((FaultReportResult.TicketOpened) result).ticket();
    assertThat(ticket.ticketNo().value())
        .startsWith("R" + ChinaTime.dayOf(Instant.now()).toString().replace("-", ""))
        .hasSize(13);
    assertThat(ticket.area()).isEqualTo(new AreaCode(area));
    assertThat(ticket.state()).isEqualTo(TicketState.RECEIVED);
    assertThat(ticket.photos()).containsExactly("wx-media-1", "wx-media-2");
    assertThat(ticket.contactPhone().value()).isEqualTo("13800005678");
    assertThat(ticket.location().latitude()).isEqualTo(new BigDecimal("30.274085"));
    assertThat(ticket.outageId()).isNull();
    assertThat(repairs.find(ticket.ticketNo())).contains(ticket);
    assertThat(published.toUser(reporter))
        .extracting(Notice::kind, Notice::key, Notice::text)
        .containsExactly(
            tuple(
                "progress",
                "ticket:" + ticket.ticketNo() + ":RECEIVED",
                "您的报修" + ticket.ticketNo() + "已受理，我们将尽快安排抢修人员，请保持电话畅通。"));
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM repair_ticket_event WHERE ticket_id = (SELECT id FROM"
                    + " repair_ticket WHERE ticket_no = ?) AND from_state IS NULL AND to_state ="
                    + " 'RECEIVED' AND actor = 'customer'",
                Integer.class,
                ticket.ticketNo().value()))
        .isEqualTo(1);
  }

  @Test
  void ticket_numbers_count_up_within_the_day() {
    String area = TestAreas.newDistrict() + "-001";
    Ticket first = opened(repairs.reportFault(Reports.inArea(newWechatUser(), area)));
    Ticket second = opened(repairs.reportFault(Reports.inArea(newWechatUser(), area)));

    long a = Long.parseLong(first.ticketNo().value().substring(9));
    long b = Long.parseLong(second.ticketNo().value().substring(9));
    assertThat(b).isEqualTo(a + 1);
  }

  @Test
  void lifecycle_records_every_transition_and_tells_the_reporter_each_time() {
    // given
    ChannelUser reporter = newWechatUser();
    Ticket ticket =
        opened(repairs.reportFault(Reports.inArea(reporter, TestAreas.newDistrict() + "-001")));
    TicketNo no = ticket.ticketNo();
    Instant eta = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES);

    // when
    Ticket dispatched = repairs.dispatch(no, STAFF, eta, "派往城东班组");
    Ticket onSite = repairs.arriveOnSite(no, STAFF, null);
    Ticket resolved = repairs.resolve(no, STAFF, "更换熔断器");

    // then
    assertThat(dispatched.state()).isEqualTo(TicketState.DISPATCHED);
    assertThat(dispatched.expectedRestoration()).isEqualTo(eta);
    assertThat(onSite.state()).isEqualTo(TicketState.ON_SITE);
    assertThat(resolved.state()).isEqualTo(TicketState.RESOLVED);
    assertThat(repairs.history(no))
        .extracting(TicketEvent::from, TicketEvent::to, TicketEvent::actor, TicketEvent::note)
        .containsExactly(
            tuple(null, TicketState.RECEIVED, "customer", null),
            tuple(TicketState.RECEIVED, TicketState.DISPATCHED, STAFF.value(), "派往城东班组"),
            tuple(TicketState.DISPATCHED, TicketState.ON_SITE, STAFF.value(), null),
            tuple(TicketState.ON_SITE, TicketState.RESOLVED, STAFF.value(), "更换熔断器"));
    List<Notice> notices = published.toUser(reporter);
    assertThat(notices)
        .extracting(Notice::key)
        .containsExactly(
            "ticket:" + no + ":RECEIVED",
            "ticket:" + no + ":DISPATCHED",
            "ticket:" + no + ":ON_SITE",
            "ticket:" + no + ":RESOLVED");
    assertThat(notices.get(1).text())
        .isEqualTo(
            "您的报修" + no + "已派单，抢修人员正在赶往现场，预计" + ChinaTime.format(eta, Instant.now()) + "前恢复供电。");
    assertThat(notices.get(3).text()).contains("已处理完毕");
    assertThat(repairs.openInArea(ticket.area(), 10)).isEmpty();
  }

  @Test
  void illegal_transitions_are_refused_naming_both_states_and_change_nothing() {
    // given
    ChannelUser reporter = newWechatUser();
    TicketNo no =
        opened(repairs.reportFault(Reports.inArea(reporter, TestAreas.newDistrict() + "-001")))
            .ticketNo();

    // then
    assertThatThrownBy(() -> repairs.resolve(no, STAFF, null))
        .isInstanceOf(TicketTransitionNotAllowed.class)
        .hasMessageContaining("from RECEIVED to RESOLVED")
        .satisfies(
            e -> {
              TicketTransitionNotAllowed refused = (TicketTransitionNotAllowed) e;
              assertThat(refused.from()).isEqualTo(TicketState.RECEIVED);
              assertThat(refused.to()).isEqualTo(TicketState.RESOLVED);
              assertThat(refused.code()).isEqualTo("repair.transition-not-allowed");
            });
    assertThatThrownBy(() -> repairs.arriveOnSite(no, STAFF, null))
        .isInstanceOf(TicketTransitionNotAllowed.class);

    // when it is on site, it can no longer be cancelled
    repairs.dispatch(no, STAFF, null, null);
    repairs.arriveOnSite(no, STAFF, null);
    assertThatThrownBy(() -> repairs.cancel(no, STAFF, null))
        .isInstanceOf(TicketTransitionNotAllowed.class)
        .hasMessageContaining("from ON_SITE to CANCELLED");
    assertThatThrownBy(() -> repairs.dispatch(no, STAFF, null, null))
        .isInstanceOf(TicketTransitionNotAllowed.class);

    // then
    assertThat(repairs.find(no).orElseThrow().state()).isEqualTo(TicketState.ON_SITE);
    assertThat(repairs.history(no)).hasSize(3);
    assertThat(published.toUser(reporter)).hasSize(3);
  }

  @Test
  void the_reporter_may_cancel_their_own_ticket_but_nobody_else_can() {
    // given
    ChannelUser reporter = newWechatUser();
    TicketNo no =
        opened(repairs.reportFault(Reports.inArea(reporter, TestAreas.newDistrict() + "-001")))
            .ticketNo();

    // then
    assertThatThrownBy(() -> repairs.cancelByReporter(no, newWechatUser(), null))
        .isInstanceOf(TicketNotFound.class);

    // when
    Ticket cancelled = repairs.cancelByReporter(no, reporter, "已经来电了");

    // then
    assertThat(cancelled.state()).isEqualTo(TicketState.CANCELLED);
    assertThat(repairs.history(no).get(1))
        .isEqualTo(
            new TicketEvent(
                TicketState.RECEIVED,
                TicketState.CANCELLED,
                "customer",
                "已经来电了",
                repairs.history(no).get(1).at()));
    assertThat(published.toUser(reporter))
        .last()
        .extracting(Notice::key)
        .isEqualTo("ticket:" + no + ":CANCELLED");
    assertThatThrownBy(() -> repairs.cancelByReporter(no, reporter, null))
        .isInstanceOf(TicketTransitionNotAllowed.class)
        .hasMessageContaining("from CANCELLED to CANCELLED");
  }

  @Test
  void the_expected_restoration_may_change_while_open_and_the_reporter_is_told() {
    // given
    ChannelUser reporter = newWechatUser();
    TicketNo no =
        opened(repairs.reportFault(Reports.inArea(reporter, TestAreas.newDistrict() + "-001")))
            .ticketNo();
    Instant first = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
    Instant second = first.plus(Duration.ofHours(1));

    // when
    repairs.updateExpectedRestoration(no, first, STAFF);
    Ticket updated = repairs.updateExpectedRestoration(no, second, STAFF);

    // then
    assertThat(updated.expectedRestoration()).isEqualTo(second);
    assertThat(published.toUser(reporter))
        .extracting(Notice::key)
        .containsExactly(
            "ticket:" + no + ":RECEIVED", "ticket:" + no + ":eta:1", "ticket:" + no + ":eta:2");
    assertThatThrownBy(
            () -> repairs.updateExpectedRestoration(no, Instant.now().minusSeconds(60), STAFF))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unknown_tickets_and_accounts_and_reports_without_area_are_refused() {
    TicketNo unknown = new TicketNo("R199001010001");
    assertThatThrownBy(() -> repairs.dispatch(unknown, STAFF, null, null))
        .isInstanceOf(TicketNotFound.class)
        .satisfies(
            e -> assertThat(((TicketNotFound) e).code()).isEqualTo("repair.ticket-not-found"));
    assertThatThrownBy(() -> repairs.history(unknown)).isInstanceOf(TicketNotFound.class);
    assertThat(repairs.find(unknown)).isEmpty();
    assertThatThrownBy(
            () -> repairs.reportFault(Reports.forAccount(newWechatUser(), newAccountNo())))
        .isInstanceOf(AccountNotFound.class);
    FaultReport nowhere =
        new FaultReport(
            newWechatUser(), null, null, null, "某小区", "停电", null, new ContactPhone("13800005678"));
    assertThatThrownBy(() -> repairs.reportFault(nowhere)).isInstanceOf(FaultAreaUnknown.class);
  }

  @Test
  void a_report_without_an_account_finds_its_area_by_location_or_by_address() {
    // given an area whose centre and community name no other test uses
    String area = TestAreas.newDistrict() + "-001";
    String community = "测试" + area.replaceAll("[^0-9]", "") + "小区";
    double lat = 40 + ThreadLocalRandom.current().nextDouble(5);
    jdbc.update(
        "INSERT INTO service_area (code, name, center_lat, center_lng, radius_m, keywords)"
            + " VALUES (?, ?, ?, 100.000000, 500, ?)",
        area,
        "测试片区",
        BigDecimal.valueOf(lat).setScale(6, java.math.RoundingMode.HALF_UP),
        community + "|" + community + "路");
    GeoPoint near =
        new GeoPoint(
            BigDecimal.valueOf(lat + 0.001).setScale(6, java.math.RoundingMode.HALF_UP),
            new BigDecimal("100.001000"));
    GeoPoint far =
        new GeoPoint(
            BigDecimal.valueOf(lat + 0.1).setScale(6, java.math.RoundingMode.HALF_UP),
            new BigDecimal("100.000000"));
    ContactPhone phone = new ContactPhone("13800005678");

    // when a fault is reported by a shared location only, then by an address only
    FaultReportResult byLocation =
        repairs.reportFault(
            new FaultReport(newWechatUser(), null, null, near, null, "停电", null, phone));
    FaultReportResult byAddress =
        repairs.reportFault(
            new FaultReport(
                newWechatUser(), null, null, null, community + "5幢", "停电", null, phone));

    // then both tickets are in that area; a place outside every area is still refused
    assertThat(((FaultReportResult.TicketOpened) byLocation).ticket().area().value())
        .isEqualTo(area);
    assertThat(((FaultReportResult.TicketOpened) byAddress).ticket().area().value())
        .isEqualTo(area);
    assertThatThrownBy(
            () ->
                repairs.reportFault(
                    new FaultReport(newWechatUser(), null, null, far, null, "停电", null, phone)))
        .isInstanceOf(FaultAreaUnknown.class);
  }

  @Test
  void queries_by_reporter_latest_first_and_open_tickets_by_area_prefix() {
    // given
    String district = TestAreas.newDistrict();
    ChannelUser reporter = newWechatUser();
    Ticket older = opened(repairs.reportFault(Reports.inArea(reporter, district + "-001")));
    Ticket newer = opened(repairs.reportFault(Reports.inArea(reporter, district + "-002")));
    Ticket someoneElses =
        opened(repairs.reportFault(Reports.inArea(newWechatUser(), district + "-002")));
    repairs.cancel(someoneElses.ticketNo(), STAFF, "重复报修");

    // then
    assertThat(repairs.reportedBy(reporter, 10))
        .extracting(Ticket::ticketNo)
        .containsExactly(newer.ticketNo(), older.ticketNo());
    assertThat(repairs.reportedBy(reporter, 1))
        .extracting(Ticket::ticketNo)
        .containsExactly(newer.ticketNo());
    assertThat(repairs.openInArea(new AreaCode(district), 10))
        .extracting(Ticket::ticketNo)
        .containsExactly(older.ticketNo(), newer.ticketNo());
    assertThat(repairs.openInArea(new AreaCode(district + "-002"), 10))
        .extracting(Ticket::ticketNo)
        .containsExactly(newer.ticketNo());
  }

  @Test
  void a_report_in_an_area_with_a_current_outage_is_recorded_against_it() {
    // given a planned outage of the district, announced, in its window
    String district = TestAreas.newDistrict();
    // whole seconds: through Connector/J, MariaDB DATETIME(3) columns here keep no milliseconds
    Instant end = Instant.now().plus(Duration.ofHours(4)).truncatedTo(ChronoUnit.SECONDS);
    Outage planned =
        outages.schedulePlanned(
            new PlannedOutage(
                List.of(new AreaCode(district)), Instant.now().plusSeconds(600), end, "线路检修"),
            STAFF);
    outages.publish(planned.id(), STAFF);
    // announced ahead; now its start has come
    jdbc.update(
        "UPDATE outage SET starts_at = ? WHERE id = ?",
        java.sql.Timestamp.from(Instant.now().minusSeconds(600)),
        planned.id());
    ChannelUser reporter = newWechatUser();

    // when
    FaultReportResult result = repairs.reportFault(Reports.inArea(reporter, district + "-003"));

    // then
    assertThat(result).isInstanceOf(FaultReportResult.LinkedToOutage.class);
    FaultReportResult.LinkedToOutage linked = (FaultReportResult.LinkedToOutage) result;
    assertThat(linked.outage().id()).isEqualTo(planned.id());
    assertThat(linked.expectedRestoration()).isEqualTo(end);
    assertThat(repairs.reportedBy(reporter, 10)).isEmpty();
    assertThat(published.toUser(reporter)).isEmpty();
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM outage_report r JOIN outage_report_photo p ON p.report_id ="
                    + " r.id WHERE r.id = ? AND r.outage_id = ? AND r.reporter_user_id = ? AND"
                    + " r.area_code = ? AND r.description = '整栋楼都停电了' AND p.media_ref = 'media-1'",
                Integer.class,
                linked.reportId(),
                planned.id(),
                reporter.userId(),
                district + "-003"))
        .isEqualTo(1);

    // and a neighbouring district is not covered
    assertThat(
            repairs.reportFault(Reports.inArea(newWechatUser(), TestAreas.newDistrict() + "-003")))
        .isInstanceOf(FaultReportResult.TicketOpened.class);

    // and once restored, reports become tickets again
    outages.restore(planned.id(), STAFF);
    assertThat(repairs.reportFault(Reports.inArea(newWechatUser(), district + "-003")))
        .isInstanceOf(FaultReportResult.TicketOpened.class);
  }

  @Test
  void an_announced_outage_does_not_cover_reports_before_it_starts() {
    String district = TestAreas.newDistrict();
    Instant start = Instant.now().plus(Duration.ofHours(1));
    Outage planned =
        outages.schedulePlanned(
            new PlannedOutage(
                List.of(new AreaCode(district)), start, start.plus(Duration.ofHours(2)), "线路检修"),
            STAFF);
    outages.publish(planned.id(), STAFF);

    assertThat(repairs.reportFault(Reports.inArea(newWechatUser(), district + "-001")))
        .isInstanceOf(FaultReportResult.TicketOpened.class);
  }

  @Test
  void the_third_report_of_an_area_within_the_window_opens_one_outage_and_links_the_cluster() {
    // given two reports of the area, and an older one outside the window
    String area = TestAreas.newDistrict() + "-001";
    ChannelUser stale = newWechatUser();
    Ticket old = opened(repairs.reportFault(Reports.inArea(stale, area)));
    jdbc.update(
        "UPDATE repair_ticket SET reported_at = ? WHERE ticket_no = ?",
        LocalDateTime.ofInstant(Instant.now().minus(Duration.ofMinutes(16)), ZoneOffset.UTC),
        old.ticketNo().value());
    ChannelUser first = newWechatUser();
    ChannelUser second = newWechatUser();
    Ticket a = opened(repairs.reportFault(Reports.inArea(first, area)));
    Ticket b = opened(repairs.reportFault(Reports.inArea(second, area)));
    ChannelUser third = newWechatUser();

    // when
    FaultReportResult result = repairs.reportFault(Reports.inArea(third, area));

    // then
    assertThat(result).isInstanceOf(FaultReportResult.OutageDetected.class);
    FaultReportResult.OutageDetected detected = (FaultReportResult.OutageDetected) result;
    Outage outage = detected.outage();
    assertThat(outage.state()).isEqualTo(OutageState.ACTIVE);
    assertThat(outage.areas()).containsExactly(new AreaCode(area));
    assertThat(detected.ticket().outageId()).isEqualTo(outage.id());
    assertThat(repairs.find(a.ticketNo()).orElseThrow().outageId()).isEqualTo(outage.id());
    assertThat(repairs.find(b.ticketNo()).orElseThrow().outageId()).isEqualTo(outage.id());
    assertThat(repairs.find(old.ticketNo()).orElseThrow().outageId()).isNull();
    assertThat(published.toArea(area))
        .extracting(Notice::kind, Notice::key)
        .containsExactly(tuple("outage", "outage:" + outage.id() + ":published"));
    assertThat(published.toUser(first))
        .extracting(Notice::key)
        .containsExactly(
            "ticket:" + a.ticketNo() + ":RECEIVED",
            "ticket:" + a.ticketNo() + ":outage:" + outage.id());
    assertThat(published.toUser(stale)).hasSize(1);

    // and the fourth report is recorded against the outage
    FaultReportResult fourth = repairs.reportFault(Reports.inArea(newWechatUser(), area));
    assertThat(fourth).isInstanceOf(FaultReportResult.LinkedToOutage.class);
    assertThat(((FaultReportResult.LinkedToOutage) fourth).outage().id()).isEqualTo(outage.id());
  }

  @Test
  void restoring_a_detected_outage_resolves_its_open_tickets_and_tells_each_reporter_once() {
    // given three reports that open an outage, one ticket on site, one cancelled, and a fourth
    // report recorded against the outage without a ticket
    String area = TestAreas.newDistrict() + "-001";
    ChannelUser first = newWechatUser();
    ChannelUser second = newWechatUser();
    ChannelUser third = newWechatUser();
    ChannelUser late = newWechatUser();
    Ticket a = opened(repairs.reportFault(Reports.inArea(first, area)));
    Ticket b = opened(repairs.reportFault(Reports.inArea(second, area)));
    FaultReportResult.OutageDetected detected =
        (FaultReportResult.OutageDetected) repairs.reportFault(Reports.inArea(third, area));
    Ticket c = detected.ticket();
    long outageId = detected.outage().id();
    repairs.dispatch(a.ticketNo(), STAFF, null, null);
    repairs.arriveOnSite(a.ticketNo(), STAFF, null);
    repairs.cancelByReporter(b.ticketNo(), second, "已经来电了");
    assertThat(repairs.reportFault(Reports.inArea(late, area)))
        .isInstanceOf(FaultReportResult.LinkedToOutage.class);
    int secondNotices = published.toUser(second).size();

    // when
    outages.restore(outageId, STAFF);

    // then the open tickets are resolved by the restoring staff member, one event each
    String note = "停电已恢复（停电编号 " + outageId + "）";
    assertThat(repairs.find(a.ticketNo()).orElseThrow().state()).isEqualTo(TicketState.RESOLVED);
    assertThat(repairs.find(c.ticketNo()).orElseThrow().state()).isEqualTo(TicketState.RESOLVED);
    assertThat(repairs.history(a.ticketNo()))
        .last()
        .extracting(TicketEvent::from, TicketEvent::to, TicketEvent::actor, TicketEvent::note)
        .containsExactly(TicketState.ON_SITE, TicketState.RESOLVED, STAFF.value(), note);
    assertThat(repairs.history(c.ticketNo()))
        .extracting(TicketEvent::from, TicketEvent::to, TicketEvent::actor, TicketEvent::note)
        .containsExactly(
            tuple(null, TicketState.RECEIVED, "customer", null),
            tuple(TicketState.RECEIVED, TicketState.RESOLVED, STAFF.value(), note));
    assertThat(repairs.openInArea(new AreaCode(area), 10)).isEmpty();
    // and each reporter of a resolved ticket is told once, as for a resolve by staff
    assertThat(published.toUser(first))
        .extracting(Notice::key)
        .containsExactly(
            "ticket:" + a.ticketNo() + ":RECEIVED",
            "ticket:" + a.ticketNo() + ":outage:" + outageId,
            "ticket:" + a.ticketNo() + ":DISPATCHED",
            "ticket:" + a.ticketNo() + ":ON_SITE",
            "ticket:" + a.ticketNo() + ":RESOLVED");
    assertThat(published.toUser(third))
        .extracting(Notice::key)
        .containsExactly(
            "ticket:" + c.ticketNo() + ":RECEIVED",
            "ticket:" + c.ticketNo() + ":outage:" + outageId,
            "ticket:" + c.ticketNo() + ":RESOLVED");
    assertThat(published.toUser(third).get(2).text()).contains("已处理完毕");
    // and the cancelled ticket stays cancelled, untold
    assertThat(repairs.find(b.ticketNo()).orElseThrow().state()).isEqualTo(TicketState.CANCELLED);
    assertThat(repairs.history(b.ticketNo())).hasSize(2);
    assertThat(published.toUser(second)).hasSize(secondNotices);
    // and the customer whose report was recorded against the outage is told too, with the key
    // of the area's restoration notice (nobody hears it twice)
    assertThat(published.toUser(late))
        .extracting(Notice::kind, Notice::key, Notice::urgent)
        .containsExactly(tuple("progress", "outage:" + outageId + ":restored", true));
    assertThat(published.toUser(late).get(0).text()).contains("已恢复供电");
    assertThat(published.toArea(area))
        .extracting(Notice::key)
        .containsOnlyOnce("outage:" + outageId + ":restored");

    // when restored again
    assertThatThrownBy(() -> outages.restore(outageId, new StaffId("li.dispatch")))
        .isInstanceOf(OutageTransitionNotAllowed.class);

    // then nothing changed and nobody was told again
    assertThat(repairs.history(a.ticketNo())).hasSize(4);
    assertThat(repairs.history(c.ticketNo())).hasSize(2);
    assertThat(published.toUser(first)).hasSize(5);
    assertThat(published.toUser(third)).hasSize(3);
    assertThat(published.toUser(late)).hasSize(1);
    assertThat(published.toArea(area))
        .extracting(Notice::key)
        .containsOnlyOnce("outage:" + outageId + ":restored");
  }

  @Test
  void six_concurrent_reports_of_one_area_open_exactly_one_outage() throws Exception {
    for (int round = 0; round < 3; round++) {
      // given
      String area = TestAreas.newDistrict() + "-001";
      CountDownLatch start = new CountDownLatch(1);
      Callable<FaultReportResult> report =
          () -> {
            start.await();
            return repairs.reportFault(Reports.inArea(newWechatUser(), area));
          };
      List<Future<FaultReportResult>> futures = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        futures.add(pool.submit(report));
      }

      // when
      start.countDown();
      List<FaultReportResult> results = new ArrayList<>();
      for (Future<FaultReportResult> future : futures) {
        results.add(future.get(30, TimeUnit.SECONDS));
      }

      // then
      assertThat(results).filteredOn(FaultReportResult.TicketOpened.class::isInstance).hasSize(2);
      assertThat(results).filteredOn(FaultReportResult.OutageDetected.class::isInstance).hasSize(1);
      assertThat(results).filteredOn(FaultReportResult.LinkedToOutage.class::isInstance).hasSize(3);
      List<Long> outageIds =
          jdbc.queryForList(
              "SELECT o.id FROM outage o JOIN outage_area a ON a.outage_id = o.id"
                  + " WHERE a.area_prefix = ?",
              Long.class,
              area);
      assertThat(outageIds).hasSize(1);
      assertThat(
              jdbc.queryForObject(
                  "SELECT COUNT(*) FROM repair_ticket WHERE area_code = ? AND outage_id = ?",
                  Integer.class,
                  area,
                  outageIds.get(0)))
          .isEqualTo(3);
      assertThat(
              jdbc.queryForObject(
                  "SELECT COUNT(*) FROM outage_report WHERE outage_id = ?",
                  Integer.class,
                  outageIds.get(0)))
          .isEqualTo(3);
    }
  }

  private static Ticket opened(FaultReportResult result) {
    assertThat(result).isInstanceOf(FaultReportResult.TicketOpened.class);
    return ((FaultReportResult.TicketOpened) result).ticket();
  }
}
