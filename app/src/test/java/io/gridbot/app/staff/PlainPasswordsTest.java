package io.gridbot.app.staff;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class PlainPasswordsTest {

  private static final StaffSettings PLAIN =
      new StaffSettings(
          List.of(
              new StaffSettings.User("li", "{bcrypt}$2a$10$abcdefghijklmnopqrstuv", List.of()),
              new StaffSettings.User("wang", "{noop}s3cret-word", List.of("AGENT"))));

  @Test
  void production_refuses_a_password_stored_as_typed_and_names_the_user() {
    MockEnvironment prod = new MockEnvironment();
    prod.setActiveProfiles("prod");

    assertThatThrownBy(
            () -> StaffSecurityConfiguration.refusePlainPasswordsInProduction(PLAIN, prod))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("wang")
        .hasMessageContaining("{bcrypt}")
        .hasMessageNotContaining("s3cret-word");
  }

  @Test
  void other_profiles_accept_it_for_tests() {
    MockEnvironment it = new MockEnvironment();
    it.setActiveProfiles("it");

    assertThatCode(() -> StaffSecurityConfiguration.refusePlainPasswordsInProduction(PLAIN, it))
        .doesNotThrowAnyException();
  }
}
