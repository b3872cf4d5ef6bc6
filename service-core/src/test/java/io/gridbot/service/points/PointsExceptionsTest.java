package io.gridbot.service.points;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.service.ServiceException;
import io.gridbot.service.account.AccountNo;
import org.junit.jupiter.api.Test;

class PointsExceptionsTest {

  private final AccountNo no = new AccountNo("3300123456");

  @Test
  void codes_are_stable() {
    assertThat(new PointsItemNotFound("X").code()).isEqualTo("points.item-not-found");
    assertThat(new PointsItemOutOfStock("X", 1).code()).isEqualTo("points.out-of-stock");
    assertThat(new InsufficientPoints(no, 1, 2).code()).isEqualTo("points.insufficient");
    assertThat(new QuantityNotAllowed(0, 10).code()).isEqualTo("points.quantity-not-allowed");
    assertThat(new PointsReferenceConflict("r", no).code()).isEqualTo("points.reference-conflict");
    assertThat(new RedemptionNotFound("r").code()).isEqualTo("points.redemption-not-found");
    assertThat(
            new RedemptionTransitionNotAllowed(
                    "r", RedemptionStatus.USED, RedemptionStatus.CANCELLED)
                .code())
        .isEqualTo("points.redemption-transition-not-allowed");
  }

  @Test
  void messages_mask_the_account() {
    for (ServiceException e :
        new ServiceException[] {
          new InsufficientPoints(no, 40, 100), new PointsReferenceConflict("r-1", no)
        }) {
      assertThat(e.getMessage()).contains("3300****56").doesNotContain("3300123456");
    }
    assertThat(new InsufficientPoints(no, 40, 100).getMessage()).contains("40").contains("100");
  }

  @Test
  void an_illegal_transition_names_both_states() {
    RedemptionTransitionNotAllowed e =
        new RedemptionTransitionNotAllowed(
            "req-7", RedemptionStatus.USED, RedemptionStatus.CANCELLED);

    assertThat(e.getMessage()).contains("req-7").contains("USED").contains("CANCELLED");
    assertThat(e.from()).isEqualTo(RedemptionStatus.USED);
    assertThat(e.to()).isEqualTo(RedemptionStatus.CANCELLED);
  }
}
