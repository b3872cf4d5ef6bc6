package io.gridbot.service.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.repair.ContactPhone;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ComplaintValuesTest {

  private static final ChannelUser USER = new ChannelUser("wechat", "oUser1");
  private static final ContactPhone PHONE = new ContactPhone("13800000001");

  @Test
  void complaintNumbersAreTsDateAndSequence() {
    assertThat(ComplaintNo.of(LocalDate.of(2026, 11, 27), 1).value()).isEqualTo("TS202611270001");
    assertThat(ComplaintNo.of(LocalDate.of(2026, 11, 27), 12345).value())
        .isEqualTo("TS2026112712345");
    assertThatThrownBy(() -> ComplaintNo.of(LocalDate.of(2026, 11, 27), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ComplaintNo("R202611270001"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ComplaintNo(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aComplaintNeedsContentOfAtMostAThousandCharacters() {
    assertThat(
            new NewComplaint(null, USER, null, ComplaintCategory.OTHER, "  态度差  ", PHONE).content())
        .isEqualTo("态度差");
    assertThatThrownBy(
            () -> new NewComplaint(null, USER, null, ComplaintCategory.OTHER, "   ", PHONE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new NewComplaint(
                    null, USER, null, ComplaintCategory.OTHER, "字".repeat(1001), PHONE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new NewComplaint("", USER, null, ComplaintCategory.OTHER, "态度差", PHONE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NewComplaint(null, USER, null, null, "态度差", PHONE))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void complaintsMoveForwardOnly() {
    assertThat(ComplaintState.RECEIVED.canMoveTo(ComplaintState.HANDLING)).isTrue();
    assertThat(ComplaintState.RECEIVED.canMoveTo(ComplaintState.CLOSED)).isTrue();
    assertThat(ComplaintState.HANDLING.canMoveTo(ComplaintState.CLOSED)).isTrue();
    assertThat(ComplaintState.HANDLING.canMoveTo(ComplaintState.RECEIVED)).isFalse();
    assertThat(ComplaintState.CLOSED.canMoveTo(ComplaintState.HANDLING)).isFalse();
    assertThat(ComplaintState.RECEIVED.canMoveTo(ComplaintState.RECEIVED)).isFalse();
  }
}
