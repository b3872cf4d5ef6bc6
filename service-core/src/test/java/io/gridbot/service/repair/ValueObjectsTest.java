package io.gridbot.service.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueObjectsTest {

  private static final ChannelUser USER = new ChannelUser("wechat", "oUser");
  private static final ContactPhone PHONE = new ContactPhone("13800005678");

  @Test
  void ticket_numbers_are_r_the_day_and_a_sequence_of_at_least_four_digits() {
    assertThat(TicketNo.of(LocalDate.of(2026, 11, 27), 1).value()).isEqualTo("R202611270001");
    assertThat(TicketNo.of(LocalDate.of(2026, 11, 27), 12345).value()).isEqualTo("R2026112712345");
    assertThatThrownBy(() -> TicketNo.of(LocalDate.of(2026, 11, 27), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TicketNo.of(LocalDate.of(2026, 11, 27), 1_000_000))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "R2026112700",
        "r202611270001",
        "R20261127000A",
        "X202611270001",
        "R202611270001234"
      })
  void malformed_ticket_numbers_are_rejected(String value) {
    assertThatThrownBy(() -> new TicketNo(value)).isInstanceOf(IllegalArgumentException.class);
    assertThat(TicketNo.isWellFormed(value)).isFalse();
  }

  @Test
  void phones_are_normalised_and_masked() {
    assertThat(new ContactPhone("+86 138-0000-5678").value()).isEqualTo("13800005678");
    assertThat(new ContactPhone("0571-8765 4321").value()).isEqualTo("057187654321");
    assertThat(new ContactPhone("13800005678").masked()).isEqualTo("138****5678");
    assertThat(new ContactPhone("13800005678").toString()).doesNotContain("0000");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "123456", "1380000567a", "+1 138 0000 5678", "123456789012345678901"})
  void malformed_phones_are_rejected(String value) {
    assertThatThrownBy(() -> new ContactPhone(value)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void locations_have_six_decimals_within_range() {
    GeoPoint point = new GeoPoint(new BigDecimal("30.27"), new BigDecimal("-120.1"));
    assertThat(point.latitude()).isEqualTo(new BigDecimal("30.270000"));
    assertThatThrownBy(() -> new GeoPoint(new BigDecimal("90.000001"), BigDecimal.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new GeoPoint(BigDecimal.ZERO, new BigDecimal("-180.5")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new GeoPoint(new BigDecimal("30.1234567"), BigDecimal.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_report_must_say_where() {
    assertThatThrownBy(() -> new FaultReport(USER, null, null, null, null, "停电", null, PHONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("account, a location or an address");
    assertThat(
            new FaultReport(USER, new AccountNo("3300000001"), null, null, null, "停电", null, PHONE)
                .photos())
        .isEmpty();
    assertThat(
            new FaultReport(
                    USER,
                    null,
                    null,
                    new GeoPoint(BigDecimal.ONE, BigDecimal.ONE),
                    null,
                    "停电",
                    List.of("m1"),
                    PHONE)
                .photos())
        .containsExactly("m1");
  }

  @Test
  void a_report_rejects_blank_or_oversized_text_and_too_many_photos() {
    assertThatThrownBy(() -> new FaultReport(USER, null, null, null, "地址", " ", null, PHONE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FaultReport(USER, null, null, null, " ", "停电", null, PHONE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new FaultReport(USER, null, null, null, "地址", "停".repeat(1001), null, PHONE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new FaultReport(
                    USER, null, null, null, "地址", "停电", Collections.nCopies(10, "m"), PHONE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new FaultReport(USER, null, null, null, "地址", "停电", List.of(""), PHONE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_report_keeps_its_own_copy_of_the_photos() {
    List<String> photos = new ArrayList<>(List.of("m1"));
    FaultReport report = new FaultReport(USER, null, null, null, "地址", "停电", photos, PHONE);
    photos.add("m2");
    assertThat(report.photos()).containsExactly("m1");
  }

  @Test
  void properties_reject_clusters_that_are_too_small_and_windows_out_of_range() {
    assertThat(new RepairProperties(3, Duration.ofMinutes(15)).clusterSize()).isEqualTo(3);
    assertThatThrownBy(() -> new RepairProperties(1, Duration.ofMinutes(15)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cluster-size");
    assertThatThrownBy(() -> new RepairProperties(3, Duration.ofSeconds(30)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cluster-window");
    assertThatThrownBy(() -> new RepairProperties(3, Duration.ofHours(25)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void exceptions_have_stable_codes_and_name_the_states() {
    TicketNo no = new TicketNo("R202611270001");
    assertThat(new TicketNotFound(no).code()).isEqualTo("repair.ticket-not-found");
    assertThat(new FaultAreaUnknown().code()).isEqualTo("repair.area-unknown");
    TicketTransitionNotAllowed refused =
        new TicketTransitionNotAllowed(no, TicketState.ON_SITE, TicketState.CANCELLED);
    assertThat(refused.code()).isEqualTo("repair.transition-not-allowed");
    assertThat(refused.getMessage())
        .isEqualTo("ticket R202611270001 cannot move from ON_SITE to CANCELLED");
  }
}
