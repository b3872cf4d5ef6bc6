package io.gridbot.service.notification;

import static io.gridbot.service.notification.DeliveryState.DEAD;
import static io.gridbot.service.notification.DeliveryState.FAILED;
import static io.gridbot.service.notification.DeliveryState.QUEUED;
import static io.gridbot.service.notification.DeliveryState.RETRY;
import static io.gridbot.service.notification.DeliveryState.SENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeliveryStateTest {

  @Test
  void open_states_move_to_any_outcome() {
    for (DeliveryState from : new DeliveryState[] {QUEUED, RETRY}) {
      assertThat(from.isFinal()).isFalse();
      assertThat(from.canMoveTo(SENT)).isTrue();
      assertThat(from.canMoveTo(RETRY)).isTrue();
      assertThat(from.canMoveTo(FAILED)).isTrue();
      assertThat(from.canMoveTo(DEAD)).isTrue();
      assertThat(from.canMoveTo(QUEUED)).isFalse();
    }
  }

  @Test
  void final_states_never_move() {
    for (DeliveryState from : new DeliveryState[] {SENT, FAILED, DEAD}) {
      assertThat(from.isFinal()).isTrue();
      for (DeliveryState to : DeliveryState.values()) {
        assertThat(from.canMoveTo(to)).isFalse();
      }
    }
  }

  @Test
  void an_illegal_transition_names_both_states() {
    assertThatThrownBy(() -> SENT.moveTo(RETRY))
        .isInstanceOf(IllegalDeliveryTransition.class)
        .hasMessageContaining("SENT")
        .hasMessageContaining("RETRY")
        .satisfies(
            e -> {
              IllegalDeliveryTransition t = (IllegalDeliveryTransition) e;
              assertThat(t.from()).isEqualTo(SENT);
              assertThat(t.to()).isEqualTo(RETRY);
              assertThat(t.code()).isEqualTo("notification.illegal-delivery-transition");
            });
    assertThat(RETRY.moveTo(RETRY)).isEqualTo(RETRY);
  }
}
