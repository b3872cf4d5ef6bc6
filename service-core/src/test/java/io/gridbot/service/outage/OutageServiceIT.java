package io.gridbot.service.outage;

import static io.gridbot.service.TestData.anAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.notification.Notice;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
class OutageServiceIT {

  private static final StaffId STAFF = new StaffId("li.dispatch");

  @Autowired OutageService outages;
  @Autowired RecordingPublisher published;
  @Autowired JdbcTemplate jdbc;

  @Test
  void a_planned_outage_is_told_to_each_area_only_when_published() {
    // given
    String east = TestAreas.newDistrict();
    String west = TestAreas.newDistrict();
    Instant start = Instant.parse("2099-11-28T00:00:00Z");
    Instant end = Instant.parse("2099-11-28T10:00:00Z");

    // when
    Outage scheduled =
        outages.schedulePlanned(
            new PlannedOutage(
                List.of(new AreaCode(east), new AreaCode(west)), start, end, "10千伏线路检修"),
            STAFF);

    // then
    assertThat(scheduled.state()).isEqualTo(OutageState.SCHEDULED);
    assertThat(scheduled.kind()).isEqualTo(OutageKind.PLANNED);
    assertThat(scheduled.expectedEnd()).isEqualTo(end);
    assertThat(published.toArea(east)).isEmpty();

    // when
    Outage announced = outages.publish(scheduled.id(), STAFF);

    // then
    assertThat(announced.state()).isEqualTo(OutageState.ANNOUNCED);
    String key = "outage:" + scheduled.id() + ":published";
    String text = "尊敬的客户：因10千伏线路检修，您所在区域将于11月28日08:00至11月28日18:00停电。请提前做好准备，给您带来不便，敬请谅解。";
    assertThat(published.toArea(east))
        .extracting(Notice::kind, Notice::key, Notice::text)
        .containsExactly(tuple("outage", key, text));
    assertThat(published.toArea(west)).extracting(Notice::key).containsExactly(key);
    assertThat(outages.current()).extracting(Outage::id).contains(scheduled.id());
    assertThatThrownBy(() -> outages.publish(scheduled.id(), STAFF))
        .isInstanceOf(OutageTransitionNotAllowed.class)
        .hasMessageContaining("from ANNOUNCED to ANNOUNCED");
  }

  @Test
  void a_planned_outage_starting_soon_is_announced_as_urgent_and_one_already_started_not_at_all() {
    // given one starting in 3 hours, one far ahead, one whose start has passed
    String area = TestAreas.newDistrict();
    Instant now = Instant.now();
    Outage soon = plan(area, now.plus(Duration.ofHours(3)));
    Outage later = plan(area, now.plus(Duration.ofDays(3)));
    Outage passed = plan(area, now.plus(Duration.ofDays(1)));
    jdbc.update(
        "UPDATE outage SET starts_at = ? WHERE id = ?",
        java.sql.Timestamp.from(now.minus(Duration.ofMinutes(5))),
        passed.id());

    // when
    outages.publish(soon.id(), STAFF);
    outages.publish(later.id(), STAFF);

    // then quiet hours do not hold the first until after the power is off
    assertThat(published.toArea(area))
        .extracting(Notice::key, Notice::urgent)
        .containsExactly(
            tuple("outage:" + soon.id() + ":published", true),
            tuple("outage:" + later.id() + ":published", false));
    assertThatThrownBy(() -> outages.publish(passed.id(), STAFF))
        .isInstanceOf(OutageAlreadyStarted.class)
        .hasMessageContaining("has passed");
    assertThat(outages.find(passed.id()).orElseThrow().state()).isEqualTo(OutageState.SCHEDULED);
    assertThat(published.toArea(area)).hasSize(2);
  }

  private Outage plan(String area, Instant start) {
    return outages.schedulePlanned(
        new PlannedOutage(
            List.of(new AreaCode(area)), start, start.plus(Duration.ofHours(4)), "检修"),
        STAFF);
  }

  @Test
  void estimates_and_restoration_are_told_with_their_own_keys_and_kept_as_events() {
    // given
    String area = TestAreas.newDistrict();
    Outage outage = outages.openUnplanned(List.of(new AreaCode(area)), "线路故障", null, STAFF);
    // whole seconds: through Connector/J, MariaDB DATETIME(3) columns here keep no milliseconds
    Instant first = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);

    // when
    outages.updateEstimate(outage.id(), first, STAFF);
    Outage second = outages.updateEstimate(outage.id(), first.plus(Duration.ofHours(1)), STAFF);
    Outage restored = outages.restore(outage.id(), STAFF);

    // then
    assertThat(outage.state()).isEqualTo(OutageState.ACTIVE);
    assertThat(second.etaRevision()).isEqualTo(2);
    assertThat(second.expectedEnd()).isEqualTo(first.plus(Duration.ofHours(1)));
    assertThat(restored.state()).isEqualTo(OutageState.RESTORED);
    assertThat(restored.restoredAt()).isNotNull();
    long id = outage.id();
    assertThat(published.toArea(area))
        .extracting(Notice::key)
        .containsExactly(
            "outage:" + id + ":published",
            "outage:" + id + ":eta:1",
            "outage:" + id + ":eta:2",
            "outage:" + id + ":restored");
    assertThat(published.toArea(area).get(0).text()).contains("恢复时间确定后我们会第一时间通知您");
    assertThat(published.toArea(area).get(3).text()).isEqualTo("尊敬的客户：您所在区域已恢复供电，感谢您的耐心等待与理解。");
    assertThat(
            jdbc.queryForList(
                "SELECT CONCAT(COALESCE(from_state, '-'), '>', to_state, ':', actor) FROM"
                    + " outage_event WHERE outage_id = ? ORDER BY id",
                String.class,
                id))
        .containsExactly(
            "->ACTIVE:li.dispatch",
            "ACTIVE>ACTIVE:li.dispatch",
            "ACTIVE>ACTIVE:li.dispatch",
            "ACTIVE>RESTORED:li.dispatch");
    assertThat(outages.covering(new AreaCode(area + "-001"), Instant.now())).isEmpty();
  }

  @Test
  void illegal_transitions_are_refused_naming_both_states() {
    // given
    Outage scheduled = schedule(TestAreas.newDistrict());

    // then
    assertThatThrownBy(() -> outages.restore(scheduled.id(), STAFF))
        .isInstanceOf(OutageTransitionNotAllowed.class)
        .hasMessageContaining("from SCHEDULED to RESTORED")
        .satisfies(
            e -> {
              OutageTransitionNotAllowed refused = (OutageTransitionNotAllowed) e;
              assertThat(refused.from()).isEqualTo(OutageState.SCHEDULED);
              assertThat(refused.to()).isEqualTo(OutageState.RESTORED);
              assertThat(refused.code()).isEqualTo("outage.transition-not-allowed");
            });
    assertThatThrownBy(() -> outages.start(scheduled.id(), STAFF))
        .isInstanceOf(OutageTransitionNotAllowed.class);
    assertThatThrownBy(
            () -> outages.updateEstimate(scheduled.id(), Instant.now().plusSeconds(3600), STAFF))
        .isInstanceOf(OutageTransitionNotAllowed.class);

    // and an active outage cannot be cancelled
    Outage active =
        outages.openUnplanned(List.of(new AreaCode(TestAreas.newDistrict())), "线路故障", null, STAFF);
    assertThatThrownBy(() -> outages.cancel(active.id(), STAFF, null))
        .isInstanceOf(OutageTransitionNotAllowed.class)
        .hasMessageContaining("from ACTIVE to CANCELLED");
    assertThat(outages.find(active.id()).orElseThrow().state()).isEqualTo(OutageState.ACTIVE);
    assertThatThrownBy(() -> outages.restore(-1, STAFF))
        .isInstanceOf(OutageNotFound.class)
        .satisfies(e -> assertThat(((OutageNotFound) e).code()).isEqualTo("outage.not-found"));
  }

  @Test
  void cancelling_tells_the_area_only_if_it_was_announced() {
    String quiet = TestAreas.newDistrict();
    String told = TestAreas.newDistrict();
    outages.cancel(schedule(quiet).id(), STAFF, "施工改期");
    Outage announced = schedule(told);
    outages.publish(announced.id(), STAFF);

    Outage cancelled = outages.cancel(announced.id(), STAFF, "施工改期");

    assertThat(cancelled.state()).isEqualTo(OutageState.CANCELLED);
    assertThat(published.toArea(quiet)).isEmpty();
    assertThat(published.toArea(told))
        .extracting(Notice::key)
        .containsExactly(
            "outage:" + announced.id() + ":published", "outage:" + announced.id() + ":cancelled");
  }

  @Test
  void affected_accounts_are_the_active_ones_under_any_of_its_areas() {
    // given
    String east = TestAreas.newDistrict();
    String west = TestAreas.newDistrict();
    AccountNo a = anAccount().areaCode(east + "-001").insert(jdbc).accountNo();
    AccountNo b = anAccount().areaCode(east + "-002").insert(jdbc).accountNo();
    AccountNo c = anAccount().areaCode(west + "-001").insert(jdbc).accountNo();
    anAccount().areaCode(east + "-003").closed().insert(jdbc);
    anAccount().areaCode(TestAreas.newDistrict() + "-001").insert(jdbc);
    // overlapping prefixes count an account once
    Outage outage =
        outages.openUnplanned(
            List.of(new AreaCode(east), new AreaCode(east + "-001"), new AreaCode(west)),
            "变压器故障",
            null,
            STAFF);

    // then
    assertThat(outages.affectedAccountCount(outage.id())).isEqualTo(3);
    assertThat(outages.affectedAccounts(outage.id(), 0, 10)).containsExactly(a, b, c);
    assertThat(outages.affectedAccounts(outage.id(), 1, 1)).containsExactly(b);
    assertThatThrownBy(() -> outages.affectedAccountCount(-1)).isInstanceOf(OutageNotFound.class);
    assertThatThrownBy(() -> outages.affectedAccounts(outage.id(), 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void one_detected_outage_per_area_at_a_time_is_enforced_by_the_database() {
    String area = TestAreas.newDistrict() + "-001";
    Outage first = outages.openDetectedFault(new AreaCode(area), 3);

    assertThatThrownBy(() -> outages.openDetectedFault(new AreaCode(area), 3))
        .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);

    outages.restore(first.id(), new StaffId("li.dispatch"));
    assertThat(outages.openDetectedFault(new AreaCode(area), 3).state())
        .isEqualTo(OutageState.ACTIVE);
  }

  private Outage schedule(String area) {
    Instant start = Instant.now().plus(Duration.ofDays(2));
    return outages.schedulePlanned(
        new PlannedOutage(
            List.of(new AreaCode(area)), start, start.plus(Duration.ofHours(8)), "设备检修"),
        STAFF);
  }
}
