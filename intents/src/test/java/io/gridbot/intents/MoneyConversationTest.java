package io.gridbot.intents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.gridbot.dialog.ConversationId;
import io.gridbot.dialog.MessageProcessor;
import io.gridbot.dialog.channel.Reply;
import io.gridbot.dialog.channel.UserMessage;
import io.gridbot.dialog.store.StateStore;
import io.gridbot.dialog.store.StateStores;
import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.billing.Bill;
import io.gridbot.service.billing.BillService;
import io.gridbot.service.invoice.Invoice;
import io.gridbot.service.invoice.InvoiceService;
import io.gridbot.service.invoice.InvoiceState;
import io.gridbot.service.invoice.PaymentNotInvoiceable;
import io.gridbot.service.payment.OutTradeNo;
import io.gridbot.service.payment.PaymentAmountOutOfRange;
import io.gridbot.service.payment.PaymentChannel;
import io.gridbot.service.payment.PaymentOrder;
import io.gridbot.service.payment.PaymentService;
import io.gridbot.service.payment.PaymentState;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/** Bills, payments and invoices in conversation, on fake business services. */
class MoneyConversationTest {

  static final String ORDER_NO = "P2026112710000012345678";

  private final FakeAccounts business = FakeAccounts.demo();
  private final StateStore state = StateStores.inMemoryStateStore();
  private final BillService bills = Mockito.mock(BillService.class);
  private final PaymentService payments = Mockito.mock(PaymentService.class);
  private final InvoiceService invoices = Mockito.mock(InvoiceService.class);

  private final MessageProcessor processor =
      TestAssistant.processor(
          Assistant.domain(
              TestServices.on(business)
                  .with(
                      s -> {
                        s.bills = bills;
                        s.payments = payments;
                        s.invoices = invoices;
                      }),
              state,
              new Templates(n -> 0),
              new AssistantSettings("https://pay.example.cn/pay/{outTradeNo}", null, null)),
          state,
          (message, parse, replies) -> {});

  private List<Reply> send(String user, String text) {
    return processor.handle(
        new UserMessage(new ConversationId("wechat", user), null, text, Instant.now()));
  }

  private String say(String user, String text) {
    List<Reply> replies = send(user, text);
    assertThat(replies).hasSize(1);
    return replies.get(0).asText();
  }

  private void bind(String user, String account) {
    say(user, "绑定户号" + account);
    assertThat(say(user, account.substring(6))).contains("绑定成功");
  }

  private static Bill bill(String account, YearMonth month, boolean paid) {
    return new Bill(
        new AccountNo(account),
        month,
        new BigDecimal("60.5"),
        new BigDecimal("40"),
        new BigDecimal("100"),
        new BigDecimal("86.4"),
        month.plusMonths(1).atDay(15),
        paid);
  }

  private static YearMonth lastMonth() {
    return YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1);
  }

  // --- check_bill

  @Test
  void billOfLastMonthByDefaultIsACardWithBands() {
    bind("b1", "3300000002");
    YearMonth month = lastMonth();
    when(bills.bill(new AccountNo("3300000002"), month))
        .thenReturn(Optional.of(bill("3300000002", month, false)));

    List<Reply> replies = send("b1", "我的电费账单");

    assertThat(replies).hasSize(1);
    assertThat(replies.get(0)).isInstanceOf(Reply.Card.class);
    Reply.Card card = (Reply.Card) replies.get(0);
    assertThat(card.title())
        .isEqualTo("户号3300****02 " + month.getYear() + "年" + month.getMonthValue() + "月账单");
    assertThat(card.lines())
        .containsExactly(
            "应缴金额：86.40元",
            "缴费期限：" + month.plusMonths(1).getMonthValue() + "月15日",
            "缴费状态：未缴，请按期缴纳",
            "用电量：200.50度",
            "其中峰60.50度、谷40.00度、平100.00度");
  }

  @Test
  void aNamedMonthWithoutABillSaysThereIsNone() {
    bind("b2", "3300000002");
    when(bills.bill(any(), any())).thenReturn(Optional.empty());

    assertThat(say("b2", "3月份的账单")).contains("没有").contains("3月的账单").contains("3300****02");
    verify(bills)
        .bill(
            eq(new AccountNo("3300000002")),
            eq(
                YearMonth.of(
                    YearMonth.now(ZoneId.of("Asia/Shanghai")).getMonthValue() >= 3
                        ? YearMonth.now(ZoneId.of("Asia/Shanghai")).getYear()
                        : YearMonth.now(ZoneId.of("Asia/Shanghai")).getYear() - 1,
                    3)));
  }

  @Test
  void recentMonthsShowEveryBillFound() {
    bind("b3", "3300000002");
    YearMonth month = lastMonth();
    when(bills.bill(any(), any())).thenReturn(Optional.empty());
    when(bills.bill(new AccountNo("3300000002"), month))
        .thenReturn(Optional.of(bill("3300000002", month, true)));
    when(bills.bill(new AccountNo("3300000002"), month.minusMonths(1)))
        .thenReturn(Optional.of(bill("3300000002", month.minusMonths(1), true)));

    List<Reply> replies = send("b3", "查一下最近三个月的账单");

    assertThat(replies).hasSize(2).allMatch(r -> r instanceof Reply.Card);
    assertThat(replies.get(0).asText()).contains(month.getMonthValue() + "月账单").contains("已缴清");
  }

  @Test
  void billNeedsABoundAccount() {
    assertThat(say("b4", "上个月用了多少度电")).contains("需要先绑定户号");
    Mockito.verifyNoInteractions(bills);
  }

  @Test
  void billWithSeveralAccountsAsksWhichOne() {
    bind("b5", "3300000001");
    bind("b5", "3300000002");
    when(bills.bill(any(), any())).thenReturn(Optional.empty());

    assertThat(say("b5", "上个月的账单")).contains("哪个户号").contains("3300****01");
    assertThat(say("b5", "2")).contains("3300****02").contains("没有");
  }

  // --- pay_bill

  private PaymentOrder order(String account, String amount) {
    return new PaymentOrder(
        new OutTradeNo(ORDER_NO),
        new AccountNo(account),
        new BigDecimal(amount),
        PaymentChannel.WECHAT,
        new ChannelUser("wechat", "p1"),
        PaymentState.CREATED,
        null,
        BigDecimal.ZERO,
        Instant.now(),
        null,
        null,
        null);
  }

  @Test
  void postpaidIsOfferedItsArrearsThenConfirmedThenLinked() {
    bind("p1", "3300000002");
    when(payments.createOrder(any(), any(), any(), any())).thenReturn(order("3300000002", "86.40"));

    assertThat(say("p1", "交电费")).contains("欠费86.40元").contains("1. 交清欠费86.40元");
    assertThat(say("p1", "1"))
        .contains("3300****02")
        .contains("幸福小区5栋1单元302")
        .contains("86.40元")
        .contains("确认");
    List<Reply> done = send("p1", "确认");

    assertThat(done).hasSize(1).first().isInstanceOf(Reply.Link.class);
    assertThat(((Reply.Link) done.get(0)).url())
        .isEqualTo("https://pay.example.cn/pay/" + ORDER_NO);
    verify(payments)
        .createOrder(
            new AccountNo("3300000002"),
            new BigDecimal("86.40"),
            PaymentChannel.WECHAT,
            new ChannelUser("wechat", "p1"));
  }

  @Test
  void accountAndAmountInOneMessageGoStraightToTheConfirmation() {
    bind("p2", "3300000001");
    bind("p2", "3300000002");
    when(payments.createOrder(any(), any(), any(), any()))
        .thenReturn(order("3300000002", "100.00"));

    assertThat(say("p2", "帮我给3300000002交100元")).contains("3300****02").contains("100.00元");
    send("p2", "确认");
    verify(payments)
        .createOrder(eq(new AccountNo("3300000002")), eq(new BigDecimal("100.00")), any(), any());
  }

  @Test
  void prepaidIsOfferedTopUpsAndABadAmountIsAskedAgain() {
    bind("p3", "3300000001");

    assertThat(say("p3", "充电费")).contains("余额12.50元").contains("1. 50元").contains("3. 200元");
    assertThat(say("p3", "60000")).contains("0.01元到50000元");
    assertThat(say("p3", "0")).contains("0.01元到50000元");
    assertThat(say("p3", "2")).contains("100.00元").contains("3300****01");
  }

  @Test
  void anAccountNotBoundIsNotPaidFor() {
    bind("p4", "3300000001");

    assertThat(say("p4", "帮我给3300000002交100元")).contains("还没有绑定").contains("3300****02");
    verify(payments, never()).createOrder(any(), any(), any(), any());
  }

  @Test
  void cancellingTheConfirmationCreatesNoOrder() {
    bind("p5", "3300000002");

    say("p5", "交电费");
    say("p5", "1");
    assertThat(say("p5", "取消")).contains("已取消交费");
    verify(payments, never()).createOrder(any(), any(), any(), any());
  }

  @Test
  void aRefusedAmountIsExplained() {
    bind("p6", "3300000002");
    when(payments.createOrder(any(), any(), any(), any()))
        .thenThrow(new PaymentAmountOutOfRange(new BigDecimal("86.40")));

    say("p6", "交电费");
    say("p6", "1");
    assertThat(say("p6", "确认")).contains("无法交费").contains("86.40");
  }

  @Test
  void paymentNeedsABoundAccount() {
    assertThat(say("p7", "交电费")).contains("需要先绑定户号");
  }

  // --- invoice

  private PaymentOrder paidOrder() {
    return new PaymentOrder(
        new OutTradeNo(ORDER_NO),
        new AccountNo("3300000002"),
        new BigDecimal("86.40"),
        PaymentChannel.WECHAT,
        null,
        PaymentState.PAID,
        "T1",
        BigDecimal.ZERO,
        Instant.parse("2026-11-20T01:00:00Z"),
        Instant.parse("2026-11-20T02:00:00Z"),
        null,
        null);
  }

  private static Invoice invoice(String email) {
    return new Invoice(
        "E2026112712345678",
        new OutTradeNo(ORDER_NO),
        new AccountNo("3300000002"),
        new BigDecimal("86.40"),
        "李娜",
        email,
        InvoiceState.ISSUED,
        Instant.now());
  }

  @Test
  void invoiceForARecentPaymentByEmail() {
    bind("i1", "3300000002");
    when(payments.recentPaid(new AccountNo("3300000002"), 5)).thenReturn(List.of(paidOrder()));
    when(payments.find(new OutTradeNo(ORDER_NO))).thenReturn(Optional.of(paidOrder()));
    when(invoices.issue(new OutTradeNo(ORDER_NO), "li.na@example.cn"))
        .thenReturn(invoice("li.na@example.cn"));

    assertThat(say("i1", "开电费发票")).contains("1. 2026年11月20日 交费86.40元");
    assertThat(say("i1", "1")).contains("邮箱");
    assertThat(say("i1", "li.na@example.cn"))
        .contains("3300****02")
        .contains("86.40元")
        .contains("li.na@example.cn");
    List<Reply> done = send("i1", "确认");

    assertThat(done).hasSize(1).first().isInstanceOf(Reply.Link.class);
    assertThat(done.get(0).asText()).contains("E2026112712345678");
    assertThat(((Reply.Link) done.get(0)).url()).endsWith("/invoices/E2026112712345678");
  }

  @Test
  void invoiceByDownloadLinkAndABadAddressIsAskedAgain() {
    bind("i2", "3300000002");
    when(payments.recentPaid(any(), Mockito.anyInt())).thenReturn(List.of(paidOrder()));
    when(invoices.issue(new OutTradeNo(ORDER_NO), null)).thenReturn(invoice(null));

    say("i2", "开发票");
    say("i2", "1");
    assertThat(say("i2", "not an address")).contains("没能识别邮箱");
    assertThat(say("i2", "下载链接")).contains("提供下载链接");
    assertThat(send("i2", "确认").get(0).asText()).contains("E2026112712345678");
    verify(invoices).issue(new OutTradeNo(ORDER_NO), null);
  }

  @Test
  void noPaidPaymentsMeansNoInvoiceToChoose() {
    bind("i3", "3300000002");
    when(payments.recentPaid(any(), Mockito.anyInt())).thenReturn(List.of());

    assertThat(send("i3", "开发票").get(0).asText()).contains("没有在线交费记录");
    verify(invoices, never()).issue(any(), any());
  }

  @Test
  void aPaymentThatCannotBeInvoicedIsExplainedAndCancelIssuesNothing() {
    bind("i4", "3300000002");
    when(payments.recentPaid(any(), Mockito.anyInt())).thenReturn(List.of(paidOrder()));
    when(invoices.issue(any(), any()))
        .thenThrow(new PaymentNotInvoiceable(new OutTradeNo(ORDER_NO), PaymentState.REFUNDED));

    say("i4", "开发票");
    say("i4", "1");
    say("i4", "下载链接");
    assertThat(say("i4", "确认")).contains("不能开发票");

    say("i4", "开发票");
    say("i4", "1");
    say("i4", "下载链接");
    assertThat(say("i4", "取消")).contains("已取消开发票");
    verify(invoices).issue(any(), any());
  }
}
