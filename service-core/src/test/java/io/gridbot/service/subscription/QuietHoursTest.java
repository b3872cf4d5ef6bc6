package io.gridbot.service.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

  // China is UTC+8: 23:30 China = 15:30Z
  private static final QuietHours NIGHT = QuietHours.DEFAULT;

  @Test
  void the_default_is_ten_at_night_to_seven_in_the_morning_china_time() {
    assertThat(NIGHT.start()).isEqualTo(LocalTime.of(22, 0));
    assertThat(NIGHT.end()).isEqualTo(LocalTime.of(7, 0));
    assertThat(NIGHT.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
  }

  @Test
  void quiet_hours_over_midnight_contain_the_late_evening_and_the_early_morning() {
    assertThat(NIGHT.contains(Instant.parse("2026-11-27T14:00:00Z"))).isTrue(); // 22:00
    assertThat(NIGHT.contains(Instant.parse("2026-11-27T15:30:00Z"))).isTrue(); // 23:30
    assertThat(NIGHT.contains(Instant.parse("2026-11-27T22:59:59Z"))).isTrue(); // 06:59:59
    assertThat(NIGHT.contains(Instant.parse("2026-11-27T23:00:00Z"))).isFalse(); // 07:00
    assertThat(NIGHT.contains(Instant.parse("2026-11-27T13:59:59Z"))).isFalse(); // 21:59:59
    assertThat(NIGHT.contains(Instant.parse("2026-11-27T04:00:00Z"))).isFalse(); // 12:00
  }

  @Test
  void a_notice_in_quiet_hours_may_go_at_their_end_and_one_outside_at_once() {
    // 23:30 on the 27th waits for 07:00 on the 28th
    assertThat(NIGHT.nextAllowed(Instant.parse("2026-11-27T15:30:00Z")))
        .isEqualTo(Instant.parse("2026-11-27T23:00:00Z"));
    // 05:00 on the 28th waits for 07:00 the same day
    assertThat(NIGHT.nextAllowed(Instant.parse("2026-11-27T21:00:00Z")))
        .isEqualTo(Instant.parse("2026-11-27T23:00:00Z"));
    Instant noon = Instant.parse("2026-11-28T04:00:00Z");
    assertThat(NIGHT.nextAllowed(noon)).isEqualTo(noon);
  }

  @Test
  void quiet_hours_within_one_day() {
    QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 30));

    assertThat(lunch.contains(Instant.parse("2026-11-27T04:10:00Z"))).isTrue(); // 12:10
    assertThat(lunch.contains(Instant.parse("2026-11-27T05:30:00Z"))).isFalse(); // 13:30
    assertThat(lunch.contains(Instant.parse("2026-11-27T03:59:00Z"))).isFalse(); // 11:59
    assertThat(lunch.nextAllowed(Instant.parse("2026-11-27T04:10:00Z")))
        .isEqualTo(Instant.parse("2026-11-27T05:30:00Z"));
  }

  @Test
  void parses_the_usual_notation() {
    assertThat(QuietHours.parse("21:30-06:45"))
        .isEqualTo(new QuietHours(LocalTime.of(21, 30), LocalTime.of(6, 45)));
  }

  @Test
  void rejects_bad_input() {
    assertThatThrownBy(() -> new QuietHours(LocalTime.of(7, 0), LocalTime.of(7, 0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new QuietHours(LocalTime.of(22, 0, 30), LocalTime.of(7, 0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new QuietHours(null, LocalTime.of(7, 0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QuietHours.parse("22:00"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QuietHours.parse("25:00-07:00"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
