package io.gridbot.channel.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.gridbot.dialog.ConversationId;
import io.gridbot.dialog.channel.Reply;
import io.gridbot.dialog.store.StateStore;
import io.gridbot.dialog.store.StateStores;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(MailboxController.class)
@Import({WebMailbox.class, MailboxControllerTest.Stores.class})
class MailboxControllerTest {

  @TestConfiguration(proxyBeanMethods = false)
  static class Stores {
    @Bean
    StateStore stateStore() {
      return StateStores.inMemoryStateStore();
    }
  }

  @Autowired MockMvc mvc;
  @Autowired WebMailbox mailbox;

  @Test
  void the_page_gets_the_messages_after_the_last_it_has() throws Exception {
    mailbox.send(
        new ConversationId("web", "session-42"),
        List.of(Reply.text("您好，我是客服小李"), new Reply.Options("选哪个？", List.of("甲", "乙"))));

    mvc.perform(get("/api/robot/messages").param("sessionId", "session-42").param("after", "1"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.sessionId").value("session-42"))
        .andExpect(jsonPath("$.last").value(2))
        .andExpect(jsonPath("$.replies.length()").value(1))
        .andExpect(jsonPath("$.replies[0].type").value("options"))
        .andExpect(jsonPath("$.replies[0].options[0]").value("甲"))
        .andExpect(jsonPath("$.replies[0].url").doesNotExist());

    mvc.perform(get("/api/robot/messages").param("sessionId", "session-42"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.replies[0].text").value("您好，我是客服小李"));
  }

  @Test
  void a_missing_or_bad_session_or_a_negative_number_is_a_400_problem() throws Exception {
    for (String[] c :
        new String[][] {
          {"", "0", "sessionId"},
          {"a b", "0", "sessionId"},
          {"session-42", "-1", "after"},
        }) {
      mvc.perform(get("/api/robot/messages").param("sessionId", c[0]).param("after", c[1]))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.field").value(c[2]));
    }
    mvc.perform(get("/api/robot/messages"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("sessionId"));
  }
}
