package io.gridbot.channel.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.gridbot.dialog.MessageProcessor;
import java.math.BigDecimal;
import java.util.Optional;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(controllers = DemoPayController.class, properties = "gridbot.web.demo-pay.enabled=true")
class DemoPayControllerTest {

  private static final String NO = "P2026112710000012345678";
  private static final DemoCashier.DemoOrder OPEN =
      new DemoCashier.DemoOrder(NO, "3300****02", new BigDecimal("86.40"), false);
  private static final DemoCashier.DemoOrder PAID =
      new DemoCashier.DemoOrder(NO, "3300****02", new BigDecimal("86.40"), true);

  @Autowired MockMvc mvc;
  @MockitoBean DemoCashier cashier;
  @MockitoBean MessageProcessor processor;

  @Test
  void anOpenOrderShowsAmountMaskedAccountAndTheButton() throws Exception {
    when(cashier.find(NO)).thenReturn(Optional.of(OPEN));

    mvc.perform(get("/pay/" + NO))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("data-state=\"open\"")))
        .andExpect(content().string(Matchers.containsString("￥86.40")))
        .andExpect(content().string(Matchers.containsString("3300****02")))
        .andExpect(content().string(Matchers.containsString("确认支付（演示）")));
  }

  @Test
  void confirmingPaysOnceAndSaysSo() throws Exception {
    when(cashier.find(NO)).thenReturn(Optional.of(OPEN));
    when(cashier.pay(NO)).thenReturn(Optional.of(PAID));

    mvc.perform(post("/pay/" + NO))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("data-state=\"done\"")));
    verify(cashier).pay(NO);
  }

  @Test
  void aPaidOrderIsNotPaidAgain() throws Exception {
    when(cashier.find(NO)).thenReturn(Optional.of(PAID));

    mvc.perform(post("/pay/" + NO))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("data-state=\"already\"")));
    verify(cashier, never()).pay(any());
  }

  @Test
  void anUnknownOrderIs404() throws Exception {
    when(cashier.find(any())).thenReturn(Optional.empty());

    mvc.perform(get("/pay/nope"))
        .andExpect(status().isNotFound())
        .andExpect(content().string(Matchers.containsString("data-state=\"missing\"")));
    mvc.perform(post("/pay/nope")).andExpect(status().isNotFound());
    verify(cashier, never()).pay(any());
  }

  @Test
  void markupInTheIdIsEscaped() throws Exception {
    when(cashier.find(any()))
        .thenReturn(
            Optional.of(
                new DemoCashier.DemoOrder("<b>x</b>", "3300****02", BigDecimal.ONE, false)));

    mvc.perform(get("/pay/x"))
        .andExpect(content().string(Matchers.not(Matchers.containsString("<b>x</b>"))));
  }
}
