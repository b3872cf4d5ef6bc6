package io.gridbot.intents.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.gridbot.dialog.ConversationId;
import io.gridbot.dialog.handoff.HandoffDesk;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.handoff.HandoffService;
import io.gridbot.service.handoff.HandoffState;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceHandoffDeskTest {

  private static final ConversationId CONVERSATION = new ConversationId("wechat", "openid-1");
  private static final ChannelUser USER = new ChannelUser("wechat", "openid-1");

  private final HandoffService handoffs = mock(HandoffService.class);
  private final ServiceHandoffDesk desk = new ServiceHandoffDesk(handoffs);

  @Test
  void the_status_follows_the_open_handoff() {
    when(handoffs.status(USER)).thenReturn(Optional.empty());
    assertThat(desk.status(CONVERSATION)).isEqualTo(HandoffDesk.Status.NONE);

    when(handoffs.status(USER)).thenReturn(Optional.of(HandoffState.QUEUED));
    assertThat(desk.status(CONVERSATION)).isEqualTo(HandoffDesk.Status.QUEUED);

    when(handoffs.status(USER)).thenReturn(Optional.of(HandoffState.HELD));
    assertThat(desk.status(CONVERSATION)).isEqualTo(HandoffDesk.Status.HELD);
  }

  @Test
  void enqueue_and_leave_reach_the_service_for_the_channel_user() {
    desk.enqueue(CONVERSATION, "asked", "转人工");
    desk.leave(CONVERSATION);

    verify(handoffs).enqueue(USER, "asked", "转人工");
    verify(handoffs).leave(USER);
  }
}
