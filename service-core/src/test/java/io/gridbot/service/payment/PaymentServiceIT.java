package io.gridbot.service.payment;

import static io.gridbot.service.TestData.anAccount;
import static io.gridbot.service.TestData.newAccountNo;
import static io.gridbot.service.TestData.newWechatUser;
import static io.gridbot.service.payment.PaymentAssertions.accountRow;
import static io.gridbot.service.payment.PaymentAssertions.ledgerRows;
import static io.gridbot.service.payment.PaymentAssertions.orderState;
import static io.gridbot.service.payment.PaymentAssertions.yuan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountNotFound;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.payment.PaymentTestConfiguration.ConfirmedEvents;
import io.gridbot.service.payment.PaymentTestConfiguration.Published;
import io.gridbot.service.payment.PaymentTestConfiguration.RecordingPublisher;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Not transactional: every call commits, as in the application. Data is unique per test. */
@SpringBootTest
@ActiveProfiles("it")
@Import(PaymentTestConfiguration.class)
class PaymentServiceIT {

  private static final Instant PAID_AT = Instant.parse("2026-11-27T02:05:00Z");

  @Autowired PaymentService payments;
  @Autowired JdbcTemplate jdbc;
  @Autowired RecordingPublisher publisher;
  @Autowired ConfirmedEvents events;

  @Test
  void creates_an_order_for_an_active_account() {
    // given
    AccountNo no = anAccount().prepaid("12.50").insert(jdbc).accountNo();
    ChannelUser payer = newWechatUser();
    Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    // when
    PaymentOrder order = payments.createOrder(no, yuan("50"), PaymentChannel.WECHAT, payer);

    // then
    assertThat(order.state()).isEqualTo(PaymentState.CREATED);
    assertThat(order.amount()).isEqualTo(yuan("50.00"));
    assertThat(order.createdAt()).isBetween(before, Instant.now());
    Map<String, Object> row =
        jdbc.queryForMap(
            "SELECT account_no, amount, channel, payer_channel, payer_user_id, state, paid_at"
                + " FROM payment_order WHERE out_trade_no = ?",
            order.outTradeNo().value());
    assertThat(row)
        .containsEntry("account_no", no.value())
        .containsEntry("amount", yuan("50.00"))
        .containsEntry("channel", "WECHAT")
        .containsEntry("payer_channel", "wechat")
        .containsEntry("payer_user_id", payer.userId())
        .containsEntry("state", "CREATED")
        .containsEntry("paid_at", null);
    assertThat(payments.find(order.outTradeNo())).contains(order);
  }

  @Test
  void an_order_needs_an_active_account_and_a_payable_amount() {
    AccountNo closed = anAccount().closed().insert(jdbc).accountNo();
    AccountNo open = anAccount().insert(jdbc).accountNo();

    assertThatThrownBy(
            () -> payments.createOrder(newAccountNo(), yuan("1"), PaymentChannel.WEB, null))
        .isInstanceOf(AccountNotFound.class);
    assertThatThrownBy(() -> payments.createOrder(closed, yuan("1"), PaymentChannel.WEB, null))
        .isInstanceOf(AccountNotFound.class);
    assertThatThrownBy(() -> payments.createOrder(open, yuan("0.00"), PaymentChannel.WEB, null))
        .isInstanceOf(PaymentAmountOutOfRange.class);
    assertThatThrownBy(() -> payments.createOrder(open, yuan("50000.01"), PaymentChannel.WEB, null))
        .isInstanceOf(PaymentAmountOutOfRange.class);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM payment_order WHERE account_no IN (?, ?)",
                Integer.class,
                closed.value(),
                open.value()))
        .isZero();
  }

  @Test
  void confirming_credits_a_prepaid_balance_publishes_the_event_and_tells_the_payer() {
    // given
    AccountNo no = anAccount().prepaid("12.50").insert(jdbc).accountNo();
    ChannelUser payer = newWechatUser();
    OutTradeNo otn =
        payments.createOrder(no, yuan("50.00"), PaymentChannel.WECHAT, payer).outTradeNo();

    // when
    PaymentOrder paid = payments.confirm(otn, yuan("50"), "4200000001", PAID_AT);

    // then
    assertThat(paid.state()).isEqualTo(PaymentState.PAID);
    assertThat(paid.paidAt()).isEqualTo(PAID_AT);
    assertThat(paid.channelTxnId()).isEqualTo("4200000001");
    assertThat(accountRow(jdbc, no)).isEqualTo(new Position(yuan("62.50"), yuan("0")));
    assertThat(
            jdbc.queryForMap(
                "SELECT entry_type, amount, balance_after, reference FROM ledger_entry"
                    + " WHERE account_no = ?",
                no.value()))
        .containsEntry("entry_type", "PAYMENT")
        .containsEntry("amount", yuan("50.00"))
        .containsEntry("balance_after", yuan("62.50"))
        .containsEntry("reference", otn.value());
    List<PaymentConfirmed> confirmed = events.about(otn);
    assertThat(confirmed).hasSize(1);
    assertThat(confirmed.get(0).accountNo()).isEqualTo(no);
    assertThat(confirmed.get(0).amount()).isEqualTo(yuan("50.00"));
    assertThat(confirmed.get(0).channel()).isEqualTo("wechat");
    assertThat(confirmed.get(0).payer()).isEqualTo(payer);
    assertThat(confirmed.get(0).onTime()).isTrue();
    List<Published> notices = publisher.about(otn);
    assertThat(notices).hasSize(1);
    assertThat(notices.get(0).user()).isEqualTo(payer);
    assertThat(notices.get(0).notice().key()).isEqualTo("payment:" + otn);
    assertThat(notices.get(0).notice().text()).contains("50.00元", "当前账户余额62.50元");
  }

  @Test
  void a_second_confirmation_returns_the_same_order_and_credits_nothing() {
    // given
    AccountNo no = anAccount().prepaid("0.00").insert(jdbc).accountNo();
    OutTradeNo otn =
        payments
            .createOrder(no, yuan("30.00"), PaymentChannel.ALIPAY, newWechatUser())
            .outTradeNo();
    // a transaction id of its own: other tests of this database confirm ALIPAY orders too
    String txn = "2026112722" + System.nanoTime();
    PaymentOrder first = payments.confirm(otn, yuan("30.00"), txn, PAID_AT);

    // when the platform notifies again, later
    PaymentOrder second = payments.confirm(otn, yuan("30.00"), txn, PAID_AT.plusSeconds(60));

    // then
    assertThat(second).isEqualTo(first);
    assertThat(accountRow(jdbc, no).balance()).isEqualTo(yuan("30.00"));
    assertThat(ledgerRows(jdbc, no)).isEqualTo(1);
    assertThat(events.about(otn)).hasSize(1);
    assertThat(publisher.about(otn)).hasSize(1);
  }

  @Test
  void an_amount_mismatch_is_refused_and_nothing_changes() {
    // given
    AccountNo no = anAccount().prepaid("5.00").insert(jdbc).accountNo();
    OutTradeNo otn =
        payments
            .createOrder(no, yuan("30.00"), PaymentChannel.WECHAT, newWechatUser())
            .outTradeNo();

    // then
    assertThatThrownBy(() -> payments.confirm(otn, yuan("3.00"), "4200000002", PAID_AT))
        .isInstanceOf(PaymentAmountMismatch.class)
        .satisfies(
            e -> {
              PaymentAmountMismatch mismatch = (PaymentAmountMismatch) e;
              assertThat(mismatch.code()).isEqualTo("payment.amount-mismatch");
              assertThat(mismatch.ordered()).isEqualTo(yuan("30.00"));
              assertThat(mismatch.paid()).isEqualTo(yuan("3.00"));
            });
    assertThat(orderState(jdbc, otn)).isEqualTo("CREATED");
    assertThat(accountRow(jdbc, no).balance()).isEqualTo(yuan("5.00"));
    assertThat(ledgerRows(jdbc, no)).isZero();
    assertThat(events.about(otn)).isEmpty();
    assertThat(publisher.about(otn)).isEmpty();

    // and a mismatching repeat after the right confirmation is refused too
    payments.confirm(otn, yuan("30.00"), "4200000002", PAID_AT);
    assertThatThrownBy(() -> payments.confirm(otn, yuan("30.01"), "4200000002", PAID_AT))
        .isInstanceOf(PaymentAmountMismatch.class);
    assertThat(accountRow(jdbc, no).balance()).isEqualTo(yuan("35.00"));
  }

  @Test
  void another_transaction_for_a_paid_order_or_one_transaction_for_two_orders_is_refused() {
    // given
    AccountNo no = anAccount().prepaid("0.00").insert(jdbc).accountNo();
    OutTradeNo first =
        payments.createOrder(no, yuan("10"), PaymentChannel.WECHAT, null).outTradeNo();
    OutTradeNo second =
        payments.createOrder(no, yuan("10"), PaymentChannel.WECHAT, null).outTradeNo();
    payments.confirm(first, yuan("10"), "4200000003", PAID_AT);

    // then
    assertThatThrownBy(() -> payments.confirm(first, yuan("10"), "4200000004", PAID_AT))
        .isInstanceOf(ChannelTransactionMismatch.class)
        .hasMessageContaining("paid by another transaction");
    assertThatThrownBy(() -> payments.confirm(second, yuan("10"), "4200000003", PAID_AT))
        .isInstanceOf(ChannelTransactionMismatch.class)
        .hasMessageContaining("already paid another order");
    assertThat(orderState(jdbc, second)).isEqualTo("CREATED");
    assertThat(accountRow(jdbc, no).balance()).isEqualTo(yuan("10.00"));
    assertThat(ledgerRows(jdbc, no)).isEqualTo(1);
  }

  @Test
  void a_closed_order_confirmed_late_is_credited() {
    // given
    AccountNo no = anAccount().prepaid("0.00").insert(jdbc).accountNo();
    OutTradeNo otn = payments.createOrder(no, yuan("20"), PaymentChannel.WEB, null).outTradeNo();
    PaymentOrder closed = payments.close(otn);

    // when
    PaymentOrder paid = payments.confirm(otn, yuan("20"), "W-1", PAID_AT);

    // then
    assertThat(closed.state()).isEqualTo(PaymentState.CLOSED);
    assertThat(paid.state()).isEqualTo(PaymentState.PAID);
    assertThat(paid.closedAt()).isEqualTo(closed.closedAt());
    assertThat(accountRow(jdbc, no).balance()).isEqualTo(yuan("20.00"));
    assertThat(events.about(otn)).hasSize(1);
  }

  @Test
  void closing_is_idempotent_and_refused_once_paid() {
    // given
    AccountNo no = anAccount().prepaid("0.00").insert(jdbc).accountNo();
    OutTradeNo open = payments.createOrder(no, yuan("20"), PaymentChannel.WEB, null).outTradeNo();
    OutTradeNo paid = payments.createOrder(no, yuan("20"), PaymentChannel.WEB, null).outTradeNo();
    payments.confirm(paid, yuan("20"), "W-2", PAID_AT);

    // when
    PaymentOrder once = payments.close(open);
    PaymentOrder twice = payments.close(open);

    // then
    assertThat(twice).isEqualTo(once);
    assertThat(once.closedAt()).isNotNull();
    assertThatThrownBy(() -> payments.close(paid))
        .isInstanceOf(PaymentTransitionRefused.class)
        .hasMessageContaining("from PAID to CLOSED");
    assertThat(orderState(jdbc, paid)).isEqualTo("PAID");
  }

  @Test
  void close_expired_closes_only_created_orders_older_than_the_limit() {
    // given
    AccountNo no = anAccount().prepaid("0.00").insert(jdbc).accountNo();
    OutTradeNo old = payments.createOrder(no, yuan("20"), PaymentChannel.WEB, null).outTradeNo();
    OutTradeNo oldPaid =
        payments.createOrder(no, yuan("20"), PaymentChannel.WEB, null).outTradeNo();
    OutTradeNo fresh = payments.createOrder(no, yuan("20"), PaymentChannel.WEB, null).outTradeNo();
    payments.confirm(oldPaid, yuan("20"), "W-3", PAID_AT);
    Instant limit = Instant.now().minus(30, ChronoUnit.MINUTES);
    jdbc.update(
        "UPDATE payment_order SET created_at = ? WHERE out_trade_no IN (?, ?)",
        java.sql.Timestamp.from(limit.minus(1, ChronoUnit.HOURS)),
        old.value(),
        oldPaid.value());

    // when
    int closed = payments.closeExpired(limit);

    // then
    assertThat(closed).isGreaterThanOrEqualTo(1);
    assertThat(orderState(jdbc, old)).isEqualTo("CLOSED");
    assertThat(orderState(jdbc, oldPaid)).isEqualTo("PAID");
    assertThat(orderState(jdbc, fresh)).isEqualTo("CREATED");
  }

  @Test
  void unknown_orders_are_not_found() {
    OutTradeNo unknown = new OutTradeNo("P2000010100000000000000");

    assertThat(payments.find(unknown)).isEmpty();
    assertThatThrownBy(() -> payments.confirm(unknown, yuan("1"), "X", PAID_AT))
        .isInstanceOf(PaymentOrderNotFound.class)
        .satisfies(
            e ->
                assertThat(((PaymentOrderNotFound) e).code()).isEqualTo("payment.order-not-found"));
    assertThatThrownBy(() -> payments.close(unknown)).isInstanceOf(PaymentOrderNotFound.class);
    assertThatThrownBy(() -> payments.refund(unknown, yuan("1"), "退款", "staff-01"))
        .isInstanceOf(PaymentOrderNotFound.class);
  }

  @Test
  void a_counter_payment_without_payer_tells_the_account() {
    // given
    AccountNo no = anAccount().prepaid("0.00").insert(jdbc).accountNo();
    OutTradeNo otn =
        payments.createOrder(no, yuan("100"), PaymentChannel.COUNTER, null).outTradeNo();

    // when
    payments.confirm(otn, yuan("100"), "COUNTER-0001", PAID_AT);

    // then
    List<Published> notices = publisher.about(otn);
    assertThat(notices).hasSize(1);
    assertThat(notices.get(0).user()).isNull();
    assertThat(notices.get(0).account()).isEqualTo(no);
    assertThat(events.about(otn).get(0).payer()).isNull();
  }
}
