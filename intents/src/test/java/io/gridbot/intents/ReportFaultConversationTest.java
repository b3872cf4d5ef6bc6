package io.gridbot.intents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;

import io.gridbot.dialog.ConversationId;
import io.gridbot.dialog.MessageProcessor;
import io.gridbot.dialog.TurnOutcome;
import io.gridbot.dialog.channel.Location;
import io.gridbot.dialog.channel.UserMessage;
import io.gridbot.dialog.store.StateStore;
import io.gridbot.dialog.store.StateStores;
import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.outage.AreaCode;
import io.gridbot.service.outage.Outage;
import io.gridbot.service.outage.OutageKind;
import io.gridbot.service.outage.OutageService;
import io.gridbot.service.outage.OutageState;
import io.gridbot.service.repair.FaultAreaUnknown;
import io.gridbot.service.repair.FaultReport;
import io.gridbot.service.repair.FaultReportResult;
import io.gridbot.service.repair.RepairService;
import io.gridbot.service.repair.Ticket;
import io.gridbot.service.repair.TicketNo;
import io.gridbot.service.subscription.SubscriptionService;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;

/** Fault reports through the whole engine, with real NLU and fake business services. */
class ReportFaultConversationTest {

  private final FakeAccounts business = FakeAccounts.demo();
  private final StateStore state = StateStores.inMemoryStateStore();
  private final OutageService outages = Mockito.mock(OutageService.class);
  private final RepairService repairs = Mockito.mock(RepairService.class);
  private final SubscriptionService subscriptions = Mockito.mock(SubscriptionService.class);

  private final MessageProcessor processor =
      TestAssistant.processor(
          Assistant.domain(
              TestServices.on(business)
                  .with(
                      s -> {
                        s.outages = outages;
                        s.repairs = repairs;
                        s.subscriptions = subscriptions;
                      }),
              state,
              new Templates(n -> 0)),
          state,
          (message, parse, replies) -> {});

  private TurnOutcome send(String user, String text, Location location, List<String> images) {
    return processor.process(
        new UserMessage(
            new ConversationId("wechat", user), null, text, Instant.now(), location, images));
  }

  private TurnOutcome say(String user, String text) {
    return send(user, text, null, List.of());
  }

  private String only(TurnOutcome outcome) {
    assertThat(outcome.replies()).hasSize(1);
    return outcome.replies().get(0).asText();
  }

  private void bind(String user, String account) {
    say(user, "绑定户号" + account);
    assertThat(only(say(user, account.substring(6)))).contains("绑定成功");
  }

  private static Ticket ticket(String no) {
    Ticket ticket = Mockito.mock(Ticket.class);
    Mockito.when(ticket.ticketNo()).thenReturn(new TicketNo(no));
    return ticket;
  }

  private static Outage outage(Instant expectedEnd) {
    return new Outage(
        7,
        OutageKind.UNPLANNED,
        OutageState.ACTIVE,
        List.of(new AreaCode("CN-330106")),
        "线路抢修",
        Instant.now().minusSeconds(600),
        expectedEnd,
        0,
        null);
  }

  @Test
  void sharedLocationAndAPhotoMakeATicket() {
    // given a customer without bound accounts
    Ticket ticket = ticket("R202611270001");
    Mockito.when(repairs.reportFault(any())).thenReturn(new FaultReportResult.TicketOpened(ticket));

    // when they report, share where they are, send a photo on the way, and confirm
    TurnOutcome first = say("f1", "家里突然停电了");
    assertThat(first.templates()).containsExactly("report_fault.ask_where");
    TurnOutcome where = send("f1", "", new Location(30.274, 120.155, "幸福小区3栋"), List.of());
    // the first message described the fault: no need to ask what happened
    assertThat(where.templates()).containsExactly("report_fault.ask_phone");
    TurnOutcome photo = send("f1", "", null, List.of("media-fault-1"));
    assertThat(photo.templates()).containsExactly("report_fault.ask_phone");
    TurnOutcome phone = say("f1", "13912345678");
    assertThat(phone.templates()).containsExactly("report_fault.ask_photos");
    assertThat(only(phone)).contains("已收到1张照片").contains("照片发好了，继续");
    String confirm = only(say("f1", "1"));
    assertThat(confirm)
        .contains("幸福小区3栋（您发送的位置）")
        .contains("家里突然停电了")
        .contains("139****5678")
        .contains("照片：1张")
        .doesNotContain("13912345678");
    TurnOutcome done = say("f1", "确认");

    // then the report carries the location, label, description, phone and photo
    assertThat(done.templates()).containsExactly("report_fault.ticket_opened");
    assertThat(only(done)).contains("R202611270001");
    ArgumentCaptor<FaultReport> report = ArgumentCaptor.forClass(FaultReport.class);
    Mockito.verify(repairs).reportFault(report.capture());
    FaultReport sent = report.getValue();
    assertThat(sent.reporter()).isEqualTo(new ChannelUser("wechat", "f1"));
    assertThat(sent.accountNo()).isNull();
    assertThat(sent.location().latitude()).isEqualByComparingTo(new BigDecimal("30.274"));
    assertThat(sent.location().longitude()).isEqualByComparingTo(new BigDecimal("120.155"));
    assertThat(sent.address()).isEqualTo("幸福小区3栋");
    assertThat(sent.description()).isEqualTo("家里突然停电了");
    assertThat(sent.contactPhone().value()).isEqualTo("13912345678");
    assertThat(sent.photos()).containsExactly("media-fault-1");
  }

  @Test
  void anOpenOutageInTheAccountsAreaIsOfferedToFollowInsteadOfADuplicate() {
    // given a bound account whose area has an active outage
    bind("f2", "3300000001");
    Instant eta = Instant.now().plus(Duration.ofHours(2));
    Mockito.when(outages.covering(Mockito.eq(new AreaCode("CN-330106-017")), any()))
        .thenReturn(Optional.of(outage(eta)));

    // when they report a fault for that account
    say("f2", "我家没电了");
    TurnOutcome offered = say("f2", "1");

    // then the outage and its estimate are told, with the choice to follow it
    assertThat(offered.templates()).containsExactly("report_fault.outage_known");
    String hhmm =
        java.time.format.DateTimeFormatter.ofPattern("HH:mm")
            .format(eta.atZone(ZoneId.of("Asia/Shanghai")));
    assertThat(only(offered))
        .contains("线路抢修")
        .contains("预计" + hhmm + "恢复供电")
        .contains("跟进这次停电（恢复时通知我）")
        .contains("仍要报修");
    assertThat(say("f2", "1").templates()).containsExactly("report_fault.confirm_follow");
    TurnOutcome done = say("f2", "确认");
    assertThat(done.templates()).containsExactly("report_fault.following");
    Mockito.verify(subscriptions)
        .subscribe(
            new ChannelUser("wechat", "f2"),
            SubscriptionService.OUTAGE,
            new AccountNo("3300000001"));
    Mockito.verify(repairs, Mockito.never()).reportFault(any());
  }

  @Test
  void stillReportingDuringAnOutageDefaultsToTheRegisteredPhoneAndTellsTheOutage() {
    bind("f3", "3300000001");
    Mockito.when(outages.covering(any(), any())).thenReturn(Optional.of(outage(null)));
    Mockito.when(repairs.reportFault(any()))
        .thenReturn(new FaultReportResult.LinkedToOutage(5, outage(null)));

    say("f3", "家里停电了");
    assertThat(only(say("f3", "1"))).contains("恢复时间还在确认中");
    TurnOutcome phone = say("f3", "仍要报修");
    assertThat(phone.templates()).containsExactly("report_fault.ask_phone");
    assertThat(only(phone)).contains("用登记的电话 138****0001").doesNotContain("13800000001");
    assertThat(say("f3", "1").templates()).containsExactly("report_fault.ask_photos");
    assertThat(only(say("f3", "不发照片，继续"))).contains("户号3300****01").contains("138****0001");
    TurnOutcome done = say("f3", "确认");
    assertThat(done.templates()).containsExactly("report_fault.linked_to_outage");
    ArgumentCaptor<FaultReport> report = ArgumentCaptor.forClass(FaultReport.class);
    Mockito.verify(repairs).reportFault(report.capture());
    assertThat(report.getValue().accountNo()).isEqualTo(new AccountNo("3300000001"));
    assertThat(report.getValue().contactPhone().value()).isEqualTo("13800000001");
  }

  @Test
  void anInvalidPhoneIsAskedAgain() {
    Ticket ticket = ticket("R202611270002");
    Mockito.when(repairs.reportFault(any())).thenReturn(new FaultReportResult.TicketOpened(ticket));
    say("f4", "要报修");
    say("f4", "和平路8号2单元");
    say("f4", "楼道的灯不亮，全屋也没电");
    TurnOutcome wrong = say("f4", "12345");
    assertThat(wrong.templates()).containsExactly("report_fault.retry_phone");
    TurnOutcome right = say("f4", "139-1234-5678");
    assertThat(right.templates()).containsExactly("report_fault.ask_photos");
    say("f4", "1");
    assertThat(say("f4", "确认").templates()).containsExactly("report_fault.ticket_opened");
    ArgumentCaptor<FaultReport> report = ArgumentCaptor.forClass(FaultReport.class);
    Mockito.verify(repairs).reportFault(report.capture());
    assertThat(report.getValue().contactPhone().value()).isEqualTo("13912345678");
    assertThat(report.getValue().address()).isEqualTo("和平路8号2单元");
  }

  @Test
  void cancellingMidFormReportsNothing() {
    say("f5", "家里停电了");
    assertThat(say("f5", "算了不报了").templates()).containsExactly("report_fault.cancelled");
    Mockito.verify(repairs, Mockito.never()).reportFault(any());
  }

  @Test
  void dangerGetsTheSafetyAdviceFirst() {
    TurnOutcome first = say("f6", "门口电线落地了还在冒火花");
    assertThat(first.templates()).containsExactly("report_fault.safety");
    assertThat(only(first)).contains("95598").contains("远离");
    assertThat(say("f6", "1").templates()).containsExactly("report_fault.ask_where");
  }

  @Test
  void anUnknownAreaIsToldHonestlyWith95598() {
    Mockito.when(repairs.reportFault(any())).thenThrow(new FaultAreaUnknown());
    say("f7", "家里停电了");
    say("f7", "和平路8号2单元");
    say("f7", "13912345678");
    say("f7", "1");
    TurnOutcome done = say("f7", "确认");
    assertThat(done.templates()).containsExactly("report_fault.area_unknown");
    assertThat(only(done)).contains("95598");
  }

  @Test
  void aQuestionWhileGivingTheAddressIsAnsweredAndTheReportResumes() {
    say("f8", "家里停电了");

    TurnOutcome side = say("f8", "阶梯电价怎么算");

    assertThat(side.templates()).containsExactly("tariff_query.tiered", "report_fault.ask_where");
    Mockito.verify(repairs, Mockito.never()).reportFault(any());
  }
}
