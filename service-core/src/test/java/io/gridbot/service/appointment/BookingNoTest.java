package io.gridbot.service.appointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class BookingNoTest {

  @Test
  void accepts_b_and_sixteen_digits() {
    assertThat(new BookingNo("B2026112704718233")).hasToString("B2026112704718233");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "B202611270471823",
        "B20261127047182331",
        "b2026112704718233",
        "A2026112704718233",
        "B2026112704718２33",
        " B2026112704718233"
      })
  void rejects_anything_else(String value) {
    assertThatThrownBy(() -> new BookingNo(value)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fresh_numbers_carry_the_day_and_differ() {
    Set<BookingNo> numbers = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      BookingNo no = BookingNo.next(LocalDate.of(2026, 11, 27));
      assertThat(no.value()).startsWith("B20261127");
      numbers.add(no);
    }
    assertThat(numbers).hasSizeGreaterThan(990);
  }
}
