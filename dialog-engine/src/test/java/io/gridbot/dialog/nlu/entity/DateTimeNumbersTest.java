package io.gridbot.dialog.nlu.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateTimeNumbersTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0, 0",
    "05, 5",
    "2026, 2026",
    "零, 0",
    "一, 1",
    "两, 2",
    "十, 10",
    "十二, 12",
    "二十, 20",
    "二十三, 23",
    "三十一, 31",
    "零五, 5",
    "一百, 100",
    "一百零五, 105",
    "二〇二六, 2026",
    "'', -1",
    "二二十, -1",
    "十a, -1",
    "1234567, -1",
  })
  void readsTheNumbersOfDatesAndTimes(String text, int expected) {
    assertThat(DateTimeNumbers.parse(text)).isEqualTo(expected);
  }
}
