package io.gridbot.app.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class StaffRoleTest {

  @Test
  void rolesAreReadInAnyCaseWithOrWithoutThePrefix() {
    assertThat(StaffRole.of("agent")).isEqualTo(StaffRole.AGENT);
    assertThat(StaffRole.of(" ROLE_FINANCE ")).isEqualTo(StaffRole.FINANCE);
    assertThat(StaffRole.list("dispatcher,AGENT,agent"))
        .containsExactly(StaffRole.DISPATCHER, StaffRole.AGENT);
    assertThat(StaffRole.MARKETING.authority()).isEqualTo("ROLE_MARKETING");
  }

  @Test
  void anUnknownRoleIsRefusedNamingTheKnownOnes() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> StaffRole.of("SUPERVISOR"))
        .withMessage(
            "unknown staff role 'SUPERVISOR'; known roles: AGENT, DISPATCHER, SERVICE, FINANCE,"
                + " MARKETING, ADMIN, STAFF");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> StaffRole.list("AGENT,,FINANCE"))
        .withMessageStartingWith("unknown staff role ''");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> StaffRole.list(" "))
        .withMessageStartingWith("no staff role given");
    assertThat(StaffRole.ofAuthority("ROLE_SUPERVISOR")).isNull();
    assertThat(StaffRole.ofAuthority("AGENT")).isNull();
    assertThat(StaffRole.ofAuthority("ROLE_AGENT")).isEqualTo(StaffRole.AGENT);
  }

  @Test
  void configuredAccountsGetCheckedRolesAndStaffWhenNoneAreGiven() {
    StaffSettings.User legacy = new StaffSettings.User("wang", "{noop}x", null);
    StaffSettings.User agent = new StaffSettings.User("li", "{noop}x", List.of("agent", "AGENT"));

    assertThat(legacy.roles()).containsExactly("STAFF");
    assertThat(agent.roles()).containsExactly("AGENT");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new StaffSettings.User("zhao", "{noop}x", List.of("AGENT", "BOSS")))
        .withMessageStartingWith(
            "gridbot.staff.users[].roles of zhao: unknown staff role 'BOSS'; known roles:");
  }
}
