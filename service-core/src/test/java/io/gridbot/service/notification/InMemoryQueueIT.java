package io.gridbot.service.notification;

import io.gridbot.service.MutableClock;
import java.util.List;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(
    properties = {
      "gridbot.notifications.consume=false",
      "logging.level.io.gridbot.service=info",
      "spring.datasource.hikari.maximum-pool-size=12"
    })
@ActiveProfiles("it")
class InMemoryQueueIT extends QueueContract {

  private InMemoryNotificationQueue memory;

  @Override
  NotificationQueue newQueue(MutableClock clock) {
    memory = new InMemoryNotificationQueue(clock, java.time.Duration.ofMillis(500));
    return memory;
  }

  @Override
  List<String> deadLetterReasons() {
    return memory.deadLetters().stream().map(InMemoryNotificationQueue.DeadLetter::reason).toList();
  }
}
