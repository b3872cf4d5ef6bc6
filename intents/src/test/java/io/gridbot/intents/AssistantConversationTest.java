package io.gridbot.intents;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.dialog.ConversationId;
import io.gridbot.dialog.MessageProcessor;
import io.gridbot.dialog.channel.Reply;
import io.gridbot.dialog.channel.UserMessage;
import io.gridbot.dialog.store.StateStore;
import io.gridbot.dialog.store.StateStores;
import io.gridbot.intents.binding.BindAccountForm;
import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.application.ApplicationService;
import io.gridbot.service.appointment.BookingService;
import io.gridbot.service.appointment.SlotService;
import io.gridbot.service.outage.AreaCode;
import io.gridbot.service.outage.Outage;
import io.gridbot.service.outage.OutageKind;
import io.gridbot.service.outage.OutageService;
import io.gridbot.service.outage.OutageState;
import io.gridbot.service.points.PointsPage;
import io.gridbot.service.points.PointsService;
import io.gridbot.service.repair.ContactPhone;
import io.gridbot.service.repair.RepairService;
import io.gridbot.service.repair.Ticket;
import io.gridbot.service.repair.TicketNo;
import io.gridbot.service.repair.TicketState;
import io.gridbot.service.tag.TagService;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/** The assistant's binding and balance conversations, on fake business services. */
class AssistantConversationTest {

  private final FakeAccounts business = FakeAccounts.demo();
  private final StateStore state = StateStores.inMemoryStateStore();
  private final OutageService outages = Mockito.mock(OutageService.class);
  private final RepairService repairs = Mockito.mock(RepairService.class);
  private final BookingService bookings = Mockito.mock(BookingService.class);
  private final SlotService slots = Mockito.mock(SlotService.class);
  private final ApplicationService applications = Mockito.mock(ApplicationService.class);
  private final PointsService points = Mockito.mock(PointsService.class);
  private final TagService tags = Mockito.mock(TagService.class);

  private final MessageProcessor processor =
      TestAssistant.processor(
          Assistant.domain(
              TestServices.on(business)
                  .with(
                      s -> {
                        s.outages = outages;
                        s.repairs = repairs;
                        s.bookings = bookings;
                        s.slots = slots;
                        s.applications = applications;
                        s.points = points;
                        s.tags = tags;
                      }),
              state,
              new Templates()),
          state,
          (message, parse, replies) -> {});

  private String say(String user, String text) {
    List<Reply> replies =
        processor.handle(
            new UserMessage(new ConversationId("wechat", user), null, text, Instant.now()));
    assertThat(replies).hasSize(1);
    return replies.get(0).asText();
  }

  @Test
  void bindWithAccountInFirstMessageThenBalance() {
    assertThat(say("u1", "绑定户号3300000001")).contains("后四位");
    assertThat(say("u1", "0001")).contains("绑定成功").contains("幸福小区3栋2单元501");
    assertThat(say("u1", "余额还剩多少"))
        .isEqualTo("户号3300****01（幸福小区3栋2单元501）当前余额12.50元。余额已不足20元，请及时充值，以免影响用电。");
  }

  @Test
  void bindAskingForTheAccountFirstAcceptsFullWidthDigits() {
    assertThat(say("u2", "我想绑个户号")).contains("请输入您要绑定的户号");
    assertThat(say("u2", "12345")).contains("10位或13位");
    assertThat(say("u2", "３３０００００００２")).contains("后四位");
    assertThat(say("u2", "0002")).contains("绑定成功");
    assertThat(say("u2", "欠费多少")).contains("当前欠费86.40元");
  }

  @Test
  void postpaidWithoutArrearsSaysSo() {
    say("u3", "绑定3300000003");
    say("u3", "0003");
    assertThat(say("u3", "我还欠电费吗")).contains("目前没有欠费");
  }

  @Test
  void wrongDigitsBindNothing() {
    say("u4", "绑定户号3300000001");
    assertThat(say("u4", "1234")).contains("验证未通过");
    assertThat(business.bindings).isEmpty();
    assertThat(say("u4", "余额")).contains("还没有绑定户号");
  }

  @Test
  void unknownAccountIsNamed() {
    say("u5", "绑定户号3399999999");
    assertThat(say("u5", "0001")).contains("没有找到户号3399****99");
    assertThat(business.bindings).isEmpty();
  }

  @Test
  void guessingTheDigitsIsStoppedAfterFiveFailures() {
    for (int i = 0; i < BindAccountForm.MAX_FAILURES; i++) {
      say("u6", "绑定户号3300000001");
      assertThat(say("u6", String.format("%04d", 1000 + i))).contains("验证未通过");
    }
    // even the right digits, and from another user, are refused for the account now
    say("u7", "绑定户号3300000001");
    assertThat(say("u7", "0001")).contains("暂停1小时");
    assertThat(business.bindings).isEmpty();
    assertThat(business.bindCalls).isEqualTo(BindAccountForm.MAX_FAILURES);
  }

  @Test
  void aNamedAccountThatIsNotBoundIsNotDisclosed() {
    say("u8", "绑定户号3300000001");
    say("u8", "0001");
    assertThat(say("u8", "3300000002余额多少")).contains("尚未绑定").doesNotContain("86.40");
  }

  @Test
  void balanceQuestionInsideTheBindingFormIsAnsweredAndTheFormResumes() {
    say("u9", "绑定户号3300000001");
    assertThat(
            processor.handle(
                new UserMessage(new ConversationId("wechat", "u9"), null, "我的余额呢", Instant.now())))
        .extracting(Reply::asText)
        .containsExactly(
            "您还没有绑定户号，绑定后即可查询。请发送“绑定户号”加户号，例如：绑定户号3300000001。",
            "为保护您的用电信息，需要先验证一下：请直接回复户号3300****01登记手机号的后四位，或者回复户主的姓（比如“姓张”）。\n1. 手机号后四位\n2. 户主的姓");
    assertThat(say("u9", "0001")).contains("绑定成功");
  }

  @Test
  void outageQueryTellsTheTruthAboutTheBoundAccountsArea() {
    say("u12", "绑定户号3300000001");
    say("u12", "0001");

    // no outage: say so, and what to check at home
    Mockito.when(outages.current()).thenReturn(List.of());
    assertThat(say("u12", "我们小区今天停电吗")).contains("目前没有停电或计划停电");

    // an outage going on in the account's area, and one elsewhere
    Instant now = Instant.now();
    Mockito.when(outages.current())
        .thenReturn(
            List.of(
                new Outage(
                    7,
                    OutageKind.UNPLANNED,
                    OutageState.ACTIVE,
                    List.of(new AreaCode("CN-330106-017")),
                    "线路抢修",
                    now.minusSeconds(600),
                    now.plusSeconds(7200),
                    0,
                    null),
                new Outage(
                    8,
                    OutageKind.PLANNED,
                    OutageState.ANNOUNCED,
                    List.of(new AreaCode("CN-330999")),
                    "检修",
                    now.plusSeconds(86400),
                    now.plusSeconds(90000),
                    0,
                    null)));
    assertThat(say("u12", "停电了什么时候来电")).contains("正在停电（线路抢修）").contains("预计").doesNotContain("检修，");
  }

  @Test
  void progressListsTheCustomersOpenTicketWithItsEstimate() {
    ChannelUser user = new ChannelUser("wechat", "u14");
    Ticket ticket =
        new Ticket(
            new TicketNo("R202611270001"),
            user,
            new AccountNo("3300000001"),
            null,
            null,
            new AreaCode("CN-330106-017"),
            "家里停电",
            List.of(),
            new ContactPhone("13800000001"),
            TicketState.DISPATCHED,
            Instant.now().plusSeconds(3600),
            null,
            Instant.now());
    Mockito.when(repairs.reportedBy(Mockito.eq(user), Mockito.anyInt()))
        .thenReturn(List.of(ticket));

    assertThat(say("u14", "我报修的进度怎么样了"))
        .contains("报修单R202611270001")
        .contains("已派单")
        .contains("预计");
    assertThat(say("u15", "我报修的进度怎么样了")).contains("没有查到");
  }

  @Test
  void pointsAndPersonalTipsComeFromTheBoundAccount() {
    say("u16", "绑定户号3300000001");
    say("u16", "0001");
    AccountNo account = new AccountNo("3300000001");
    Mockito.when(points.balance(account)).thenReturn(120);
    Mockito.when(points.history(account, 0, 3)).thenReturn(new PointsPage(List.of(), 0, 3, 0));
    Mockito.when(tags.tipsFor(account)).thenReturn(List.of("您家高峰用电较多，办理峰谷电价更划算。"));

    assertThat(say("u16", "我有多少积分")).contains("当前积分120分");
    List<Reply> advice =
        processor.handle(
            new UserMessage(new ConversationId("wechat", "u16"), null, "怎么省电", Instant.now()));
    assertThat(advice).extracting(Reply::asText).first().asString().contains("峰谷电价");
    assertThat(advice).extracting(Reply::asText).last().asString().contains("省电小贴士");
  }

  @Test
  void outageQueryWithoutBindingAsksToBind() {
    assertThat(say("u13", "明天我们小区停电吗")).contains("绑定户号后");
  }

  @Test
  void cancelLeavesNothingBound() {
    say("u10", "绑定户号3300000001");
    assertThat(say("u10", "算了不办了")).isEqualTo("好的，已取消绑定。");
    assertThat(business.bindCalls).isZero();
  }

  @Test
  void unrelatedRequestsAreDeclined() {
    assertThat(say("u11", "今天天气怎么样")).contains("只能办理用电相关的业务");
  }
}
