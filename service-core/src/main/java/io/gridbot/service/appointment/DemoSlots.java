package io.gridbot.service.appointment;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * Opens the demo service points' slots for the coming days (embedded default and tests only: real
 * slots are opened by staff). Safe to run again: slots already open are left as they are.
 */
public final class DemoSlots {

  /** The demo service points (see {@code db/demo/R__demo_appointments.sql}). */
  static final List<String> POINTS = List.of("DEMO-HALL-01", "DEMO-TEAM-01", "DEMO-TEAM-02");

  private static final List<LocalTime[]> WINDOWS =
      List.of(
          new LocalTime[] {LocalTime.of(9, 0), LocalTime.of(11, 0)},
          new LocalTime[] {LocalTime.of(14, 0), LocalTime.of(16, 0)});

  private DemoSlots() {}

  /**
   * Opens a morning and an afternoon slot of capacity 5 at every demo point for {@code days} days
   * from {@code from}, skipping those already open and points that do not exist.
   *
   * @return how many slots were opened
   */
  public static int open(SlotService slots, LocalDate from, int days) {
    int opened = 0;
    for (String point : POINTS) {
      for (int d = 0; d < days; d++) {
        for (LocalTime[] window : WINDOWS) {
          try {
            slots.openSlot(point, from.plusDays(d), window[0], window[1], 5);
            opened++;
          } catch (SlotAlreadyOpen | ServicePointNotFound e) {
            // already there, or not a demo database
          }
        }
      }
    }
    return opened;
  }
}
