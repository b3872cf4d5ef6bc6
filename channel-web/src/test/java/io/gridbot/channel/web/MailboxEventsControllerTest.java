package io.gridbot.channel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.gridbot.dialog.ConversationId;
import io.gridbot.dialog.channel.Reply;
import io.gridbot.dialog.store.StateStore;
import io.gridbot.dialog.store.StateStores;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The live stream of a session's mailbox: a reconnecting page resumes after its last message. */
@WebMvcTest(MailboxEventsController.class)
@Import({
  WebMailbox.class,
  MailboxStreams.class,
  AgentDesk.class,
  RobotExceptionHandler.class,
  MailboxEventsControllerTest.Stores.class
})
class MailboxEventsControllerTest {

  @TestConfiguration(proxyBeanMethods = false)
  static class Stores {
    @Bean
    StateStore stateStore() {
      return StateStores.inMemoryStateStore();
    }

    @Bean
    WebSettings webSettings() {
      return new WebSettings(null, null);
    }
  }

  @Autowired MockMvc mvc;
  @Autowired WebMailbox mailbox;

  @Test
  void a_reconnecting_page_gets_only_the_messages_after_its_last_event_id() throws Exception {
    mailbox.send(
        new ConversationId("web", "session-sse-1"),
        List.of(Reply.text("第一条"), Reply.text("第二条"), Reply.text("第三条")));

    MockHttpServletResponse response =
        mvc.perform(
                get("/api/robot/events")
                    .param("sessionId", "session-sse-1")
                    .header("Last-Event-ID", "1"))
            .andExpect(request().asyncStarted())
            .andReturn()
            .getResponse();

    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("id:3"));
    String stream = response.getContentAsString(StandardCharsets.UTF_8);
    assertThat(stream).contains("第二条").contains("第三条").doesNotContain("第一条");
    assertThat(stream).contains("id:2").doesNotContain("id:1\n");
  }

  @Test
  void a_bad_session_or_event_id_is_a_400() throws Exception {
    mvc.perform(get("/api/robot/events").param("sessionId", "x"))
        .andExpect(status().isBadRequest());
    mvc.perform(
            get("/api/robot/events")
                .param("sessionId", "session-sse-2")
                .header("Last-Event-ID", "not-a-number"))
        .andExpect(status().isBadRequest());
    mvc.perform(get("/api/robot/events").param("sessionId", "session-sse-2").param("after", "-1"))
        .andExpect(status().isBadRequest());
  }
}
