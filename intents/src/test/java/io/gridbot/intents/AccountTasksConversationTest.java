package io.gridbot.intents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.gridbot.dialog.ConversationId;
import io.gridbot.dialog.MessageProcessor;
import io.gridbot.dialog.TurnOutcome;
import io.gridbot.dialog.channel.Reply;
import io.gridbot.dialog.channel.UserMessage;
import io.gridbot.dialog.store.StateStore;
import io.gridbot.dialog.store.StateStores;
import io.gridbot.intents.autodebit.AutoDebitLinks;
import io.gridbot.intents.autodebit.AutoDebitSigning;
import io.gridbot.intents.binding.BindAccountForm;
import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.autodebit.Agreement;
import io.gridbot.service.autodebit.AgreementNotFound;
import io.gridbot.service.autodebit.AgreementState;
import io.gridbot.service.autodebit.AutoDebitChannel;
import io.gridbot.service.autodebit.AutoDebitService;
import io.gridbot.service.autodebit.Eligibility;
import io.gridbot.service.points.CatalogueItem;
import io.gridbot.service.points.InsufficientPoints;
import io.gridbot.service.points.ItemKind;
import io.gridbot.service.points.PointsItemOutOfStock;
import io.gridbot.service.points.PointsService;
import io.gridbot.service.points.Redemption;
import io.gridbot.service.points.RedemptionStatus;
import io.gridbot.service.subscription.Subscription;
import io.gridbot.service.subscription.SubscriptionNotFound;
import io.gridbot.service.subscription.SubscriptionService;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Binding, unbinding, alerts, points redemption and auto-debit, on fake business services. */
class AccountTasksConversationTest {

  private static final AccountNo FIRST = new AccountNo("3300000001");
  private static final AccountNo SECOND = new AccountNo("3300000002");

  private final FakeAccounts business = FakeAccounts.demo();
  private final StateStore state = StateStores.inMemoryStateStore();
  private final PointsService points = mock(PointsService.class);
  private final SubscriptionService subscriptions = mock(SubscriptionService.class);
  private final AutoDebitService autoDebit = mock(AutoDebitService.class);

  private final MessageProcessor processor =
      TestAssistant.processor(
          Assistant.domain(
              TestServices.on(business)
                  .with(
                      s -> {
                        s.points = points;
                        s.subscriptions = subscriptions;
                        s.autoDebit =
                            new AutoDebitSigning(
                                autoDebit,
                                new AutoDebitLinks(
                                    "https://sign.example.cn/s?r={requestId}",
                                    java.util.Set.of("ALIPAY", "WECHAT")));
                      }),
              state,
              new Templates(n -> 0)),
          state,
          (message, parse, replies) -> {});

  @BeforeEach
  void catalogue() {
    when(points.catalogue())
        .thenReturn(
            List.of(
                new CatalogueItem(
                    "BILL_COUPON_5",
                    "5元电费券",
                    ItemKind.COUPON,
                    new BigDecimal("5"),
                    500,
                    null,
                    true),
                new CatalogueItem("LED_BULB", "LED节能灯泡", ItemKind.GIFT, null, 800, 3, true)));
    when(points.balance(any())).thenReturn(1200);
  }

  private TurnOutcome turn(String user, String text) {
    return processor.process(
        new UserMessage(new ConversationId("wechat", user), null, text, Instant.now()));
  }

  /** The one reply's text; asserts there was exactly one. */
  private String say(String user, String text) {
    TurnOutcome outcome = turn(user, text);
    assertThat(outcome.replies()).hasSize(1);
    return outcome.replies().get(0).asText();
  }

  private String template(String user, String text) {
    TurnOutcome outcome = turn(user, text);
    assertThat(outcome.templates()).hasSize(1);
    return outcome.templates().get(0);
  }

  private void bindBoth(String user) {
    say(user, "绑定户号3300000001");
    assertThat(say(user, "0001")).contains("绑定成功");
    say(user, "绑定户号3300000002");
    assertThat(say(user, "0002")).contains("绑定成功");
  }

  private void bindFirst(String user) {
    say(user, "绑定户号3300000001");
    assertThat(say(user, "0001")).contains("绑定成功");
  }

  // bind_account

  @Test
  void bindsByTheHoldersSurnameGivenAsAPoliteForm() {
    assertThat(template("s1", "绑定户号3300000001")).isEqualTo("bind.ask_phone");
    assertThat(say("s1", "张先生")).contains("绑定成功").contains("3300000001");
    assertThat(business.activeBindings(new ChannelUser("wechat", "s1")))
        .extracting(b -> b.accountNo())
        .containsExactly(FIRST);
  }

  @Test
  void choosingTheSurnameMethodAsksForTheSurname() {
    say("s2", "绑定户号3300000001");
    assertThat(template("s2", "2")).isEqualTo("bind.ask_surname");
    assertThat(template("s2", "户主是我爸爸")).isEqualTo("bind.retry_surname");
    assertThat(say("s2", "姓张")).contains("绑定成功");
  }

  @Test
  void aWrongSurnameBindsNothingAndKeepsTheNumberMasked() {
    say("s3", "绑定户号3300000001");
    assertThat(say("s3", "姓李"))
        .contains("户主姓氏与登记信息不符")
        .contains("3300****01")
        .doesNotContain("3300000001");
    assertThat(business.bindings).isEmpty();
  }

  @Test
  void fiveFailuresOfEitherKindLockBindingForAnHourForTheUser() {
    for (int i = 0; i < BindAccountForm.MAX_FAILURES; i++) {
      say("s4", "绑定户号3300000001");
      assertThat(template("s4", i % 2 == 0 ? "姓李" : "9999")).startsWith("bind.verify_failed");
    }
    // the user is locked out for any account, before anything is asked
    assertThat(say("s4", "绑定户号3300000002")).contains("暂停1小时");
    // and the account for any user
    say("s5", "绑定户号3300000001");
    assertThat(say("s5", "0001")).contains("暂停1小时");
    assertThat(business.bindings).isEmpty();
    assertThat(business.bindCalls).isEqualTo(BindAccountForm.MAX_FAILURES);
    assertThat(BindAccountForm.FAILURE_WINDOW).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void anAccountAlreadyBoundIsSaidSo() {
    bindFirst("s6");
    assertThat(template("s6", "绑定户号3300000001")).isEqualTo("bind.already");
    assertThat(business.bindCalls).isEqualTo(1);
  }

  // unbind_account

  @Test
  void unbindsTheSecondOfSeveralAccountsPickedByOrdinal() {
    bindBoth("u1");
    assertThat(template("u1", "解绑户号")).isEqualTo("unbind.which");
    String confirm = say("u1", "第二个");
    assertThat(confirm).contains("3300****02").contains("幸福小区5栋1单元302").contains("确认");
    assertThat(say("u1", "确认")).contains("已解绑").contains("3300****02");
    assertThat(business.activeBindings(new ChannelUser("wechat", "u1")))
        .extracting(b -> b.accountNo())
        .containsExactly(FIRST);
  }

  @Test
  void unbindWithoutBoundAccountsSaysSoAndCancelKeepsTheBinding() {
    assertThat(template("u2", "解绑户号")).isEqualTo("unbind.none");
    bindFirst("u2");
    assertThat(template("u2", "解绑户号")).isEqualTo("unbind.confirm");
    assertThat(template("u2", "取消")).isEqualTo("unbind.cancelled");
    assertThat(business.bindings).hasSize(1);
  }

  // subscribe_notice / unsubscribe_notice

  @Test
  void subscribesLowBalanceWithTheThresholdTheCustomerNames() {
    bindFirst("n1");
    String confirm = say("n1", "余额不足50元的时候提醒我");
    assertThat(confirm).contains("50元").contains("3300****01");
    assertThat(template("n1", "确认")).isEqualTo("subscribe.done_low_balance");
    verify(subscriptions)
        .subscribeLowBalance(new ChannelUser("wechat", "n1"), FIRST, new BigDecimal("50.00"));
  }

  @Test
  void lowBalanceDefaultsToTwentyAndMayBeChangedAtTheConfirmation() {
    bindFirst("n2");
    assertThat(say("n2", "订阅余额不足提醒")).contains("低于20元");
    assertThat(say("n2", "低于30元提醒")).contains("低于30元");
    say("n2", "确认");
    verify(subscriptions)
        .subscribeLowBalance(new ChannelUser("wechat", "n2"), FIRST, new BigDecimal("30.00"));
  }

  @Test
  void subscribesAnotherKindChosenFromTheOptions() {
    bindFirst("n3");
    assertThat(template("n3", "我想订阅提醒")).isEqualTo("subscribe.which_kind");
    assertThat(template("n3", "3")).isEqualTo("subscribe.confirm");
    say("n3", "好的");
    verify(subscriptions).subscribe(new ChannelUser("wechat", "n3"), "outage", FIRST);
  }

  @Test
  void stopsEveryAlertOnlyAfterConfirmation() {
    assertThat(template("n4", "别再给我发任何通知了")).isEqualTo("unsubscribe.confirm_all");
    verify(subscriptions, never()).stopAll(any());
    assertThat(template("n4", "确认")).isEqualTo("unsubscribe.done_all");
    verify(subscriptions).stopAll(new ChannelUser("wechat", "n4"));
  }

  @Test
  void unsubscribingWhatWasNeverSubscribedIsSaidPlainly() {
    bindFirst("n5");
    org.mockito.Mockito.doThrow(new SubscriptionNotFound("wechat", "outage", FIRST))
        .when(subscriptions)
        .unsubscribe(any(), eq("outage"), eq(FIRST));
    assertThat(template("n5", "别再给我发停电通知了")).isEqualTo("unsubscribe.confirm");
    assertThat(template("n5", "确认")).isEqualTo("unsubscribe.not_subscribed");
  }

  @Test
  void listsTheCurrentSubscriptionsWhenAsked() {
    Instant now = Instant.now();
    ChannelUser user = new ChannelUser("wechat", "n6");
    when(subscriptions.list(user))
        .thenReturn(
            List.of(
                new Subscription(user, "low_balance", FIRST, new BigDecimal("30"), true, now, now),
                new Subscription(user, "outage", FIRST, null, false, now, now)));
    bindFirst("n6");
    String list = say("n6", "我订阅了哪些提醒");
    assertThat(list).contains("余额不足提醒").contains("3300****01").contains("低于30元");
    assertThat(list).doesNotContain("停电通知");
  }

  // points_redeem

  @Test
  void redeemsACouponSayingItsAmountIsCreditedToTheAccount() {
    bindFirst("p1");
    when(points.redeem(eq(FIRST), eq("BILL_COUPON_5"), eq(2), anyString()))
        .thenReturn(redemption("BILL_COUPON_5", "5元电费券", 2, 1000, "C123456"));
    String items = say("p1", "积分换2张优惠券");
    assertThat(items).contains("1200积分").contains("5元电费券（500积分）").contains("剩3件");
    assertThat(say("p1", "1")).contains("1000积分").contains("2份");
    assertThat(say("p1", "确认"))
        .contains("兑换成功")
        .contains("10元已经存入您的电费账户")
        .contains("先抵欠费")
        .doesNotContain("下次交电费");
  }

  @Test
  void insufficientPointsAreExplainedAndNothingIsTaken() {
    bindFirst("p2");
    when(points.redeem(any(), anyString(), anyInt(), anyString()))
        .thenThrow(new InsufficientPoints(FIRST, 1200, 1600));
    say("p2", "积分兑换");
    say("p2", "LED节能灯泡");
    String reply = say("p2", "确认");
    assertThat(reply).contains("积分不够").contains("1600").contains("1200");
  }

  @Test
  void outOfStockIsExplained() {
    bindFirst("p3");
    when(points.redeem(any(), anyString(), anyInt(), anyString()))
        .thenThrow(new PointsItemOutOfStock("LED_BULB", 1));
    say("p3", "积分兑换");
    say("p3", "2");
    assertThat(template("p3", "确认")).isEqualTo("redeem.out_of_stock");
  }

  @Test
  void aRedeliveredConfirmationRedeemsOnceUnderTheFormRunsRequestId() {
    bindFirst("p4");
    when(points.redeem(any(), anyString(), anyInt(), anyString()))
        .thenReturn(redemption("BILL_COUPON_5", "5元电费券", 1, 500, "C1"));
    say("p4", "积分兑换");
    say("p4", "1");
    UserMessage confirm =
        new UserMessage(new ConversationId("wechat", "p4"), "m-confirm", "确认", Instant.now());
    TurnOutcome first = processor.process(confirm);
    TurnOutcome again = processor.process(confirm);
    assertThat(again.replies()).isEqualTo(first.replies());
    ArgumentCaptor<String> requestId = ArgumentCaptor.forClass(String.class);
    verify(points, times(1)).redeem(eq(FIRST), eq("BILL_COUPON_5"), eq(1), requestId.capture());
    assertThat(requestId.getValue()).matches("chat:[0-9a-f\\-]{36}");
  }

  @Test
  void redeemNeedsABoundAccount() {
    assertThat(template("p5", "积分换优惠券")).isEqualTo("account.none");
  }

  // auto_debit

  @Test
  void signingSendsTheSigningLinkAfterConfirmation() {
    bindFirst("a1");
    when(autoDebit.eligibility(FIRST))
        .thenReturn(new Eligibility(Eligibility.Reason.GOOD_STANDING));
    when(autoDebit.requestSigning(eq(FIRST), any(), eq(AutoDebitChannel.WECHAT), anyString()))
        .thenAnswer(
            i ->
                new Agreement(
                    1,
                    i.getArgument(3),
                    FIRST,
                    i.getArgument(1),
                    AutoDebitChannel.WECHAT,
                    AgreementState.PENDING,
                    null,
                    Instant.now(),
                    Instant.now()));
    assertThat(template("a1", "开通自动扣电费")).isEqualTo("auto_debit.confirm_sign");
    TurnOutcome done = turn("a1", "确认");
    assertThat(done.templates()).containsExactly("auto_debit.sign_link");
    Reply.Link link = (Reply.Link) done.replies().get(0);
    assertThat(link.url()).startsWith("https://sign.example.cn/s?r=chat%3A");
  }

  @Test
  void anAccountWithArrearsIsToldWhyBeforeAnythingIsAsked() {
    say("a2", "绑定户号3300000002");
    say("a2", "0002");
    when(autoDebit.eligibility(SECOND)).thenReturn(new Eligibility(Eligibility.Reason.ARREARS));
    assertThat(say("a2", "开通支付宝自动扣费")).contains("欠费");
    verify(autoDebit, never()).requestSigning(any(), any(), any(), anyString());
  }

  @Test
  void cancellingWithoutAnAgreementIsSaidPlainly() {
    bindFirst("a3");
    when(autoDebit.unsign(FIRST)).thenThrow(new AgreementNotFound("none"));
    assertThat(template("a3", "自动扣费")).isEqualTo("auto_debit.which_action");
    assertThat(template("a3", "取消自动扣费")).isEqualTo("auto_debit.confirm_cancel");
    assertThat(template("a3", "确认")).isEqualTo("auto_debit.none_to_cancel");
  }

  private static Redemption redemption(
      String code, String name, int quantity, int cost, String coupon) {
    return new Redemption(
        1,
        "chat:" + UUID.randomUUID(),
        FIRST,
        code,
        name,
        quantity,
        cost,
        coupon,
        coupon == null ? null : new BigDecimal("5.00").multiply(BigDecimal.valueOf(quantity)),
        coupon == null ? RedemptionStatus.ISSUED : RedemptionStatus.USED,
        Instant.now());
  }
}
