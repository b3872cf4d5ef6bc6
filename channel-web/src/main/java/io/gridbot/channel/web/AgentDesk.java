package io.gridbot.channel.web;

import io.gridbot.dialog.ConversationId;
import io.gridbot.dialog.handoff.HandoffDesk;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Where a web session stands with the human agents, for the page's hand-over banner: {@code NONE}
 * (the robot answers), {@code QUEUED} or {@code HELD}; {@code NONE} when there is no agent desk.
 */
@Component
class AgentDesk {

  private final ObjectProvider<HandoffDesk> desk;

  AgentDesk(ObjectProvider<HandoffDesk> desk) {
    this.desk = desk;
  }

  String status(String session) {
    HandoffDesk d = desk.getIfAvailable();
    return d == null
        ? HandoffDesk.Status.NONE.name()
        : d.status(new ConversationId(RobotController.CHANNEL, session)).name();
  }
}
