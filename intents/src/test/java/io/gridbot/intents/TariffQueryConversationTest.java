package io.gridbot.intents;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.dialog.ConversationId;
import io.gridbot.dialog.MessageProcessor;
import io.gridbot.dialog.TurnOutcome;
import io.gridbot.dialog.channel.Reply;
import io.gridbot.dialog.channel.UserMessage;
import io.gridbot.dialog.store.StateStore;
import io.gridbot.dialog.store.StateStores;
import io.gridbot.service.account.AccountNo;
import io.gridbot.service.billing.Bill;
import io.gridbot.service.billing.BillService;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/** Price questions through the engine, with real NLU, fake accounts and mocked bills. */
class TariffQueryConversationTest {

  private final FakeAccounts business = FakeAccounts.demo();
  private final StateStore state = StateStores.inMemoryStateStore();
  private final BillService bills = Mockito.mock(BillService.class);

  private final MessageProcessor processor =
      TestAssistant.processor(
          Assistant.domain(
              TestServices.on(business)
                  .with(
                      s -> {
                        s.bills = bills;
                      }),
              state,
              new Templates(n -> 0)),
          state,
          (message, parse, replies) -> {});

  private TurnOutcome say(String user, String text) {
    return processor.process(
        new UserMessage(new ConversationId("wechat", user), null, text, Instant.now()));
  }

  @Test
  void tieredPricesAreQuotedFromTheKnowledge() {
    TurnOutcome answer = say("t1", "阶梯电价怎么算");
    assertThat(answer.templates()).containsExactly("tariff_query.tiered");
    assertThat(answer.replies().get(0).asText())
        .contains("2760")
        .contains("0.538")
        .contains("0.838");
  }

  @Test
  void timeOfUseWithoutABoundAccountIsGeneralOnly() {
    TurnOutcome answer = say("t2", "峰谷电价怎么算");
    assertThat(answer.templates()).containsExactly("tariff_query.time_of_use");
    assertThat(answer.replies().get(0).asText()).contains("0.568").contains("0.288");
    Mockito.verifyNoInteractions(bills);
  }

  @Test
  void timeOfUseWithABoundAccountAddsTheValleyShareAndTheSaving() {
    // given a bound account whose last bill had 100 peak, 50 valley and 50 flat kWh
    say("t3", "绑定户号3300000001");
    say("t3", "0001");
    AccountNo no = new AccountNo("3300000001");
    Mockito.when(bills.recentBills(no, 1))
        .thenReturn(
            List.of(
                new Bill(
                    no,
                    YearMonth.of(2026, 10),
                    new BigDecimal("100"),
                    new BigDecimal("50"),
                    new BigDecimal("50"),
                    new BigDecimal("100.60"),
                    LocalDate.of(2026, 11, 25),
                    true)));

    // when they ask about time-of-use prices
    TurnOutcome answer = say("t3", "峰谷电价怎么算");

    // then their valley share is 25% and moving 20 kWh from peak saves 20 × 0.28 = 5.60 yuan
    assertThat(answer.templates())
        .containsExactly("tariff_query.time_of_use", "tariff_query.personal");
    assertThat(answer.replies().get(1).asText())
        .contains("3300****01")
        .contains("2026年10月")
        .contains("共用电200度")
        .contains("占25%")
        .contains("5.60元")
        .doesNotContain("3300000001");
  }

  @Test
  void businessAndEvQuestionsGetTheirOwnAnswers() {
    assertThat(say("t4", "商铺的商业电价是多少").templates()).containsExactly("tariff_query.business");
    List<Reply> ev = say("t4", "家里装充电桩充电电价多少").replies();
    assertThat(ev).hasSize(1);
    assertThat(ev.get(0).asText()).contains("0.288");
  }
}
