package io.gridbot.service.appointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.service.account.ChannelUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BookingRequestTest {

  private static final ChannelUser USER = new ChannelUser("wechat", "oUser");

  @Test
  void trims_and_blanks_become_null() {
    BookingRequest request =
        new BookingRequest(USER, null, "METER_CHECK", 1, "  幸福小区3栋 ", "13800001234", " ");

    assertThat(request.address()).isEqualTo("幸福小区3栋");
    assertThat(request.note()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"13800001234", "0571-87654321", "057187654321", "010-1234567"})
  void accepts_mobiles_and_landlines(String phone) {
    assertThat(new BookingRequest(USER, null, "HALL_VISIT", 1, null, phone, null).contactPhone())
        .isEqualTo(phone);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "1380000123",
        "23800001234",
        "138-0000-1234",
        "+8613800001234",
        "571-87654321"
      })
  void rejects_other_phones_without_repeating_them(String phone) {
    assertThatThrownBy(() -> new BookingRequest(USER, null, "HALL_VISIT", 1, null, phone, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("contact phone")
        .message()
        .doesNotContain(phone.isEmpty() ? "\u0000" : phone);
  }

  @Test
  void rejects_missing_or_out_of_range_values() {
    assertThatThrownBy(
            () -> new BookingRequest(null, null, "HALL_VISIT", 1, null, "13800001234", null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new BookingRequest(USER, null, " ", 1, null, "13800001234", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new BookingRequest(USER, null, "HALL_VISIT", 0, null, "13800001234", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new BookingRequest(
                    USER, null, "HALL_VISIT", 1, "路".repeat(256), "13800001234", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new BookingRequest(
                    USER, null, "HALL_VISIT", 1, null, "13800001234", "字".repeat(501)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bookings_log_the_phone_masked() {
    assertThat(ContactPhone.mask("13800005678")).isEqualTo("138****5678");
    assertThat(ContactPhone.mask("0571-87654321")).isEqualTo("057****4321");
  }
}
