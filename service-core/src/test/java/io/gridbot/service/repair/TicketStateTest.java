package io.gridbot.service.repair;

import static io.gridbot.service.repair.TicketState.CANCELLED;
import static io.gridbot.service.repair.TicketState.DISPATCHED;
import static io.gridbot.service.repair.TicketState.ON_SITE;
import static io.gridbot.service.repair.TicketState.RECEIVED;
import static io.gridbot.service.repair.TicketState.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TicketStateTest {

  @Test
  void allows_exactly_the_documented_edges() {
    Set<String> allowed = new java.util.TreeSet<>();
    for (TicketState from : TicketState.values()) {
      for (TicketState to : TicketState.values()) {
        if (from.canMoveTo(to)) {
          allowed.add(from + ">" + to);
        }
      }
    }

    assertThat(allowed)
        .containsExactlyInAnyOrder(
            "RECEIVED>DISPATCHED",
            "RECEIVED>CANCELLED",
            "DISPATCHED>ON_SITE",
            "DISPATCHED>CANCELLED",
            "ON_SITE>RESOLVED");
  }

  @Test
  void resolved_and_cancelled_are_terminal_and_closed() {
    for (TicketState to : TicketState.values()) {
      assertThat(RESOLVED.canMoveTo(to)).isFalse();
      assertThat(CANCELLED.canMoveTo(to)).isFalse();
    }
    assertThat(EnumSet.allOf(TicketState.class))
        .filteredOn(TicketState::isOpen)
        .containsExactly(RECEIVED, DISPATCHED, ON_SITE);
  }
}
