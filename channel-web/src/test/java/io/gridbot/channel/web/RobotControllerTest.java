package io.gridbot.channel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.gridbot.dialog.MessageProcessor;
import io.gridbot.dialog.channel.Reply;
import io.gridbot.dialog.channel.UserMessage;
import io.gridbot.dialog.store.LockTimeout;
import io.gridbot.dialog.store.StateUnavailable;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(RobotController.class)
class RobotControllerTest {

  @Autowired MockMvc mvc;
  @MockitoBean MessageProcessor processor;
  @MockitoBean PhotoStore photos;
  @MockitoBean AgentDesk desk;

  private static final String OK_BODY = "{\"sessionId\":\"session-1\",\"text\":\" 余额 \"}";

  @Test
  void messageGoesToTheEngineAsAWebConversationAndRepliesComeBack() throws Exception {
    when(processor.handle(any()))
        .thenReturn(List.of(Reply.text("您好"), new Reply.Options("选哪个？", List.of("甲", "乙"))));

    mvc.perform(
            post("/api/robot/messages").contentType(MediaType.APPLICATION_JSON).content(OK_BODY))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.sessionId").value("session-1"))
        .andExpect(jsonPath("$.replies[0].type").value("text"))
        .andExpect(jsonPath("$.replies[0].text").value("您好"))
        .andExpect(jsonPath("$.replies[0].options").doesNotExist())
        .andExpect(jsonPath("$.replies[1].type").value("options"))
        .andExpect(jsonPath("$.replies[1].options[1]").value("乙"));

    ArgumentCaptor<UserMessage> sent = ArgumentCaptor.forClass(UserMessage.class);
    verify(processor).handle(sent.capture());
    assertThat(sent.getValue().conversation().channel()).isEqualTo("web");
    assertThat(sent.getValue().conversation().senderId()).isEqualTo("session-1");
    assertThat(sent.getValue().text()).isEqualTo("余额");
  }

  @Test
  void aSharedLocationGoesToTheEngineWithoutText() throws Exception {
    when(processor.handle(any())).thenReturn(List.of(Reply.text("收到位置")));
    String body =
        "{\"sessionId\":\"session-1\",\"location\":"
            + "{\"latitude\":30.274,\"longitude\":120.155,\"label\":\"幸福小区3栋\"}}";

    mvc.perform(post("/api/robot/messages").contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.replies[0].text").value("收到位置"));

    ArgumentCaptor<UserMessage> sent = ArgumentCaptor.forClass(UserMessage.class);
    verify(processor).handle(sent.capture());
    assertThat(sent.getValue().text()).isEmpty();
    assertThat(sent.getValue().location().coordinates()).isEqualTo("30.274000,120.155000");
    assertThat(sent.getValue().location().label()).isEqualTo("幸福小区3栋");
  }

  @Test
  void badFieldsAre400ProblemsNamingTheField() throws Exception {
    for (String[] c :
        new String[][] {
          {"{\"text\":\"余额\"}", "sessionId"},
          {"{\"sessionId\":\"\",\"text\":\"余额\"}", "sessionId"},
          {"{\"sessionId\":\"a b c d e f\",\"text\":\"余额\"}", "sessionId"},
          {"{\"sessionId\":\"session-1\"}", "text"},
          {"{\"sessionId\":\"session-1\",\"text\":\"\"}", "text"},
          {"{\"sessionId\":\"session-1\",\"text\":\"" + "a".repeat(1001) + "\"}", "text"},
          {"{\"sessionId\":\"session-1\",\"text\":\"hi\",\"messageId\":\"x\"}", "messageId"},
          {
            "{\"sessionId\":\"session-1\",\"location\":{\"latitude\":91,\"longitude\":120}}",
            "location"
          },
          {"{\"sessionId\":\"session-1\",\"location\":{\"latitude\":30}}", "location"},
        }) {
      mvc.perform(post("/api/robot/messages").contentType(MediaType.APPLICATION_JSON).content(c[0]))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.field").value(c[1]));
    }
    verify(processor, never()).handle(any());
  }

  @Test
  void nonJsonIs400Problem() throws Exception {
    mvc.perform(
            post("/api/robot/messages").contentType(MediaType.APPLICATION_JSON).content("{oops"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(post("/api/robot/messages").contentType(MediaType.TEXT_PLAIN).content("余额"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(
            post("/api/robot/messages").contentType(MediaType.APPLICATION_JSON).content("[1,2]"))
        .andExpect(status().isBadRequest());
    verify(processor, never()).handle(any());
  }

  @Test
  void oversizedBodyIs400Problem() throws Exception {
    String big = "{\"sessionId\":\"session-1\",\"text\":\"" + "电".repeat(3000) + "\"}";
    mvc.perform(post("/api/robot/messages").contentType(MediaType.APPLICATION_JSON).content(big))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Body too large"));
    verify(processor, never()).handle(any());
  }

  @Test
  void busyConversationIs429WithRetryAfter() throws Exception {
    when(processor.handle(any()))
        .thenThrow(new LockTimeout("lock:web:session-1", Duration.ofSeconds(4)));
    mvc.perform(
            post("/api/robot/messages").contentType(MediaType.APPLICATION_JSON).content(OK_BODY))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string("Retry-After", "2"))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void stateStoreOutageIs503Problem() throws Exception {
    when(processor.handle(any()))
        .thenThrow(new StateUnavailable("redis down", new RuntimeException()));
    mvc.perform(
            post("/api/robot/messages").contentType(MediaType.APPLICATION_JSON).content(OK_BODY))
        .andExpect(status().isServiceUnavailable())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("系统繁忙，请稍后再试。紧急情况请拨打95598。"));
  }
}
