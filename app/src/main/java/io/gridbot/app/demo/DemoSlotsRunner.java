package io.gridbot.app.demo;

import io.gridbot.service.appointment.DemoSlots;
import io.gridbot.service.appointment.SlotService;
import java.time.LocalDate;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Embedded default only ({@code gridbot.demo.slots=true}): keeps a week of bookable slots open at
 * the demo service points, so that "预约明天上午上门检查电表" works out of the box. In production staff open
 * slots through the staff API.
 */
@Component
@ConditionalOnProperty(name = "gridbot.demo.slots", havingValue = "true")
class DemoSlotsRunner implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoSlotsRunner.class);
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final SlotService slots;

  DemoSlotsRunner(SlotService slots) {
    this.slots = slots;
  }

  @Override
  public void run(ApplicationArguments args) {
    openWeek();
  }

  /** Every night, the next day of the week. */
  @Scheduled(cron = "0 5 0 * * *", zone = "Asia/Shanghai")
  void openWeek() {
    int opened = DemoSlots.open(slots, LocalDate.now(CHINA), 7);
    log.info("demo slots: {} opened for the coming week", opened);
  }
}
