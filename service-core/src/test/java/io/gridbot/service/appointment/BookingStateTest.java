package io.gridbot.service.appointment;

import static io.gridbot.service.appointment.BookingState.BOOKED;
import static io.gridbot.service.appointment.BookingState.CANCELLED;
import static io.gridbot.service.appointment.BookingState.CONFIRMED;
import static io.gridbot.service.appointment.BookingState.DONE;
import static io.gridbot.service.appointment.BookingState.NO_SHOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BookingStateTest {

  @Test
  void the_allowed_moves_are_exactly_those_documented() {
    assertThat(targets(BOOKED)).containsExactlyInAnyOrder(BOOKED, CONFIRMED, CANCELLED);
    assertThat(targets(CONFIRMED)).containsExactlyInAnyOrder(BOOKED, DONE, NO_SHOW, CANCELLED);
    assertThat(targets(DONE)).isEmpty();
    assertThat(targets(CANCELLED)).isEmpty();
    assertThat(targets(NO_SHOW)).isEmpty();
  }

  @Test
  void done_and_no_show_need_a_confirmation_first() {
    assertThat(BOOKED.canMoveTo(DONE)).isFalse();
    assertThat(BOOKED.canMoveTo(NO_SHOW)).isFalse();
  }

  @Test
  void only_booked_and_confirmed_are_open() {
    assertThat(EnumSet.allOf(BookingState.class).stream().filter(BookingState::isOpen))
        .containsExactlyInAnyOrder(BOOKED, CONFIRMED);
  }

  @Test
  void every_state_has_a_chinese_label() {
    for (BookingState state : BookingState.values()) {
      assertThat(state.label()).matches("\\p{IsHan}+");
    }
  }

  private static Set<BookingState> targets(BookingState from) {
    Set<BookingState> targets = EnumSet.noneOf(BookingState.class);
    for (BookingState to : BookingState.values()) {
      if (from.canMoveTo(to)) {
        targets.add(to);
      }
    }
    return targets;
  }
}
