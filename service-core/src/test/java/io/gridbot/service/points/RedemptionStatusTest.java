package io.gridbot.service.points;

import static io.gridbot.service.points.RedemptionStatus.CANCELLED;
import static io.gridbot.service.points.RedemptionStatus.ISSUED;
import static io.gridbot.service.points.RedemptionStatus.USED;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedemptionStatusTest {

  @Test
  void an_issued_redemption_may_be_used_or_cancelled() {
    assertThat(ISSUED.canBecome(USED)).isTrue();
    assertThat(ISSUED.canBecome(CANCELLED)).isTrue();
    assertThat(ISSUED.canBecome(ISSUED)).isFalse();
  }

  @Test
  void used_and_cancelled_are_final() {
    for (RedemptionStatus to : RedemptionStatus.values()) {
      assertThat(USED.canBecome(to)).as("USED -> %s", to).isFalse();
      assertThat(CANCELLED.canBecome(to)).as("CANCELLED -> %s", to).isFalse();
    }
  }
}
