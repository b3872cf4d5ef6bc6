package io.gridbot.service.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.service.points.Lots.Lot;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LotsTest {

  private static final Instant SOON = Instant.parse("2027-01-01T00:00:00Z");
  private static final Instant LATER = Instant.parse("2027-06-01T00:00:00Z");

  @Test
  void spending_takes_from_the_first_lots_until_covered() {
    // given lots in FIFO order
    List<Lot> lots = List.of(new Lot(1, 30, SOON), new Lot(2, 50, SOON), new Lot(3, 40, LATER));

    // when
    List<Lot> changed = Lots.consume(lots, 60);

    // then the first is emptied, the second partly used, the third untouched
    assertThat(changed).containsExactly(new Lot(1, 0, SOON), new Lot(2, 20, SOON));
  }

  @Test
  void spending_exactly_everything_empties_every_lot() {
    List<Lot> lots = List.of(new Lot(1, 30, SOON), new Lot(2, 50, LATER));

    assertThat(Lots.consume(lots, 80)).extracting(Lot::remaining).containsExactly(0, 0);
  }

  @Test
  void lots_without_remaining_points_are_skipped() {
    List<Lot> lots = List.of(new Lot(1, 0, SOON), new Lot(2, 10, LATER));

    assertThat(Lots.consume(lots, 4)).containsExactly(new Lot(2, 6, LATER));
  }

  @Test
  void spending_more_than_the_lots_hold_is_a_broken_ledger() {
    List<Lot> lots = List.of(new Lot(1, 30, SOON));

    assertThatThrownBy(() -> Lots.consume(lots, 31))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("30")
        .hasMessageContaining("31");
  }

  @Test
  void spending_nothing_is_refused() {
    assertThatThrownBy(() -> Lots.consume(List.of(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
