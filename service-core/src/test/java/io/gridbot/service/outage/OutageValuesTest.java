package io.gridbot.service.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class OutageValuesTest {

  private static final Instant START = Instant.parse("2026-11-28T00:00:00Z");

  @Test
  void the_outage_machine_allows_exactly_the_documented_edges() {
    Set<String> allowed = new TreeSet<>();
    for (OutageState from : OutageState.values()) {
      for (OutageState to : OutageState.values()) {
        if (from.canMoveTo(to)) {
          allowed.add(from + ">" + to);
        }
      }
    }

    assertThat(allowed)
        .containsExactlyInAnyOrder(
            "SCHEDULED>ANNOUNCED",
            "SCHEDULED>CANCELLED",
            "ANNOUNCED>ACTIVE",
            "ANNOUNCED>RESTORED",
            "ANNOUNCED>CANCELLED",
            "ACTIVE>RESTORED");
  }

  @Test
  void area_prefixes_cover_the_areas_beneath_them() {
    AreaCode district = new AreaCode("CN-330106");
    assertThat(district.covers(new AreaCode("CN-330106-017"))).isTrue();
    assertThat(district.covers(district)).isTrue();
    assertThat(district.covers(new AreaCode("CN-330107-017"))).isFalse();
    assertThat(new AreaCode("CN-330106-017").covers(district)).isFalse();
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "CN_330106",
        "CN-3301%",
        "CN 330106",
        "区域",
        "A123456789012345678901234567890123"
      })
  void malformed_area_codes_are_rejected(String value) {
    assertThatThrownBy(() -> new AreaCode(value)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "customer", "system", "wang gong", "王工"})
  void staff_ids_reject_blanks_reserved_actors_and_other_characters(String value) {
    assertThatThrownBy(() -> new StaffId(value)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_planned_outage_needs_areas_without_repeats_an_end_after_its_start_and_a_reason() {
    List<AreaCode> areas = List.of(new AreaCode("CN-330106"));
    assertThat(new PlannedOutage(areas, START, START.plusSeconds(3600), " 线路检修 ").reason())
        .isEqualTo("线路检修");
    assertThatThrownBy(() -> new PlannedOutage(List.of(), START, START.plusSeconds(1), "检修"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new PlannedOutage(
                    List.of(new AreaCode("CN-1"), new AreaCode("CN-1")),
                    START,
                    START.plusSeconds(1),
                    "检修"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PlannedOutage(areas, START, START, "检修"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PlannedOutage(areas, START, START.plusSeconds(1), " "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void times_are_told_in_beijing_time_with_the_date_when_not_today() {
    Instant now = Instant.parse("2026-11-27T02:00:00Z");
    assertThat(ChinaTime.format(Instant.parse("2026-11-27T10:00:00Z"), now)).isEqualTo("18:00");
    assertThat(ChinaTime.format(Instant.parse("2026-11-27T16:30:00Z"), now))
        .isEqualTo("11月28日00:30");
    assertThat(ChinaTime.dayOf(Instant.parse("2026-11-27T16:00:00Z")).toString())
        .isEqualTo("2026-11-28");
  }

  @Test
  void exceptions_have_stable_codes_and_name_the_states() {
    assertThat(new OutageNotFound(7).code()).isEqualTo("outage.not-found");
    OutageTransitionNotAllowed refused =
        new OutageTransitionNotAllowed(7, OutageState.ACTIVE, OutageState.CANCELLED);
    assertThat(refused.code()).isEqualTo("outage.transition-not-allowed");
    assertThat(refused.getMessage()).isEqualTo("outage 7 cannot move from ACTIVE to CANCELLED");
  }
}
