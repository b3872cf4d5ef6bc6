package io.gridbot.intents.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.dialog.channel.Reply;
import io.gridbot.intents.Templates;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandoffNoticesTest {

  @Test
  void the_release_notice_is_the_released_template() {
    Templates templates = new Templates();

    List<Reply> released = new HandoffNotices(templates).released();

    assertThat(released)
        .extracting(Reply::asText)
        .containsExactly(templates.render("handoff.released"));
    assertThat(released.get(0).asText()).contains("人工客服已结束");
  }
}
