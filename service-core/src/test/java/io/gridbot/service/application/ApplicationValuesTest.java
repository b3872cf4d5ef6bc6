package io.gridbot.service.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ApplicationValuesTest {

  @Test
  void application_numbers_are_a_and_sixteen_digits() {
    assertThat(ApplicationNo.next(LocalDate.of(2026, 11, 27)).value()).matches("A20261127\\d{8}");
    assertThatThrownBy(() -> new ApplicationNo("B2026112700000001"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ApplicationNo(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void personal_data_is_masked_for_logs() {
    assertThat(Pii.maskName("张伟")).isEqualTo("张*");
    assertThat(Pii.maskName("欧阳娜娜")).isEqualTo("欧*");
    assertThat(Pii.maskName("𠀀明")).isEqualTo("𠀀*");
    assertThat(Pii.maskPhone("13800005678")).isEqualTo("138****5678");
    assertThat(Pii.maskPhone("123")).isEqualTo("****");
  }

  @Test
  void codes_are_stable_and_transitions_name_both_states() {
    ApplicationNo no = new ApplicationNo("A2026112700000001");
    IllegalApplicationTransition e =
        new IllegalApplicationTransition(
            no, ApplicationType.EV_CHARGER, ApplicationState.ACCEPTED, ApplicationState.APPROVED);

    assertThat(e.code()).isEqualTo("application.illegal-transition");
    assertThat(e).hasMessageContaining("ACCEPTED to APPROVED");
    assertThat(new ApplicationNotFound(no).code()).isEqualTo("application.not-found");
  }
}
