package io.gridbot.service.application;

import static io.gridbot.service.application.ApplicationState.ACCEPTED;
import static io.gridbot.service.application.ApplicationState.APPROVED;
import static io.gridbot.service.application.ApplicationState.CONNECTED;
import static io.gridbot.service.application.ApplicationState.REJECTED;
import static io.gridbot.service.application.ApplicationState.SUBMITTED;
import static io.gridbot.service.application.ApplicationState.SURVEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ApplicationStateTest {

  @ParameterizedTest
  @EnumSource(
      value = ApplicationType.class,
      names = {"LOW_VOLTAGE_NEW", "CAPACITY_INCREASE", "TEMPORARY_SUPPLY", "EV_CHARGER"})
  void connections_always_go_through_the_survey(ApplicationType type) {
    assertThat(targets(SUBMITTED, type)).containsExactlyInAnyOrder(ACCEPTED, REJECTED);
    assertThat(targets(ACCEPTED, type)).containsExactlyInAnyOrder(SURVEY, REJECTED);
    assertThat(targets(SURVEY, type)).containsExactlyInAnyOrder(APPROVED, REJECTED);
    assertThat(targets(APPROVED, type)).containsExactlyInAnyOrder(CONNECTED, REJECTED);
    assertThat(targets(CONNECTED, type)).isEmpty();
    assertThat(targets(REJECTED, type)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(
      value = ApplicationType.class,
      names = {"RENAME", "TRANSFER", "CLOSE_ACCOUNT"})
  void account_changes_may_skip_the_survey(ApplicationType type) {
    assertThat(targets(ACCEPTED, type)).containsExactlyInAnyOrder(SURVEY, APPROVED, REJECTED);
    assertThat(targets(SURVEY, type)).containsExactlyInAnyOrder(APPROVED, REJECTED);
    assertThat(targets(SUBMITTED, type)).containsExactlyInAnyOrder(ACCEPTED, REJECTED);
    assertThat(targets(CONNECTED, type)).isEmpty();
  }

  @Test
  void types_know_what_they_need() {
    assertThat(EnumSet.allOf(ApplicationType.class).stream().filter(ApplicationType::needsAccount))
        .containsExactlyInAnyOrder(
            ApplicationType.CAPACITY_INCREASE,
            ApplicationType.RENAME,
            ApplicationType.TRANSFER,
            ApplicationType.CLOSE_ACCOUNT);
    assertThat(ApplicationType.RENAME.needsCapacity()).isFalse();
    assertThat(ApplicationType.EV_CHARGER.label()).isEqualTo("充电桩");
    assertThat(ApplicationType.LOW_VOLTAGE_NEW.label()).isEqualTo("低压居民新装");
  }

  private static Set<ApplicationState> targets(ApplicationState from, ApplicationType type) {
    Set<ApplicationState> targets = EnumSet.noneOf(ApplicationState.class);
    for (ApplicationState to : ApplicationState.values()) {
      if (from.canMoveTo(to, type)) {
        targets.add(to);
      }
    }
    return targets;
  }
}
