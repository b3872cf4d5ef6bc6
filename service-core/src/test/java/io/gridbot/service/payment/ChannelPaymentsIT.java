package io.gridbot.service.payment;

import static io.gridbot.service.TestData.anAccount;
import static io.gridbot.service.TestData.newWechatUser;
import static io.gridbot.service.payment.PaymentAssertions.ledgerRows;
import static io.gridbot.service.payment.PaymentAssertions.yuan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.port.ChannelPayments;
import io.gridbot.service.port.ChannelPayments.ChannelOrder;
import io.gridbot.service.port.ChannelPayments.PaymentRefused;
import io.gridbot.service.port.ChannelPayments.Refusal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The payment channels' port over the ledger. */
@SpringBootTest
@ActiveProfiles("it")
@Import(PaymentTestConfiguration.class)
class ChannelPaymentsIT {

  private static final Instant PAID_AT = Instant.parse("2026-11-27T02:05:00Z");

  @Autowired ChannelPayments channel;
  @Autowired PaymentService payments;
  @Autowired JdbcTemplate jdbc;

  @Test
  void shows_an_order_as_plain_values() {
    AccountNo no = anAccount().prepaid("0").insert(jdbc).accountNo();
    var payer = newWechatUser();
    PaymentOrder order = payments.createOrder(no, yuan("88.80"), PaymentChannel.WECHAT, payer);

    ChannelOrder seen = channel.order(order.outTradeNo().value()).orElseThrow();

    assertThat(seen.amount()).isEqualTo(yuan("88.80"));
    assertThat(seen.amountFen()).isEqualTo(8880L);
    assertThat(seen.channel()).isEqualTo("wechat");
    assertThat(seen.state()).isEqualTo("CREATED");
    assertThat(seen.payable()).isTrue();
    assertThat(seen.payerChannel()).isEqualTo("wechat");
    assertThat(seen.payerId()).isEqualTo(payer.userId());
    assertThat(seen.accountMasked()).isEqualTo(no.masked()).doesNotContain(no.value());
    assertThat(channel.order("P0000000000000000000000")).isEmpty();
    assertThat(channel.order("not-an-order")).isEmpty();
  }

  @Test
  void confirms_once_and_refuses_a_wrong_amount_or_an_unknown_order() {
    AccountNo no = anAccount().prepaid("0").insert(jdbc).accountNo();
    String out =
        payments.createOrder(no, yuan("20"), PaymentChannel.WECHAT, null).outTradeNo().value();

    assertThatThrownBy(() -> channel.confirm(out, yuan("2"), "T-1", PAID_AT))
        .isInstanceOfSatisfying(
            PaymentRefused.class, e -> assertThat(e.reason()).isEqualTo(Refusal.AMOUNT_MISMATCH));
    assertThat(channel.confirm(out, yuan("20"), "T-1", PAID_AT).state()).isEqualTo("PAID");
    assertThat(channel.confirm(out, yuan("20"), "T-1", PAID_AT).state()).isEqualTo("PAID");
    assertThatThrownBy(() -> channel.confirm(out, yuan("20"), "T-2", PAID_AT))
        .isInstanceOfSatisfying(
            PaymentRefused.class,
            e -> assertThat(e.reason()).isEqualTo(Refusal.TRANSACTION_MISMATCH));
    assertThatThrownBy(() -> channel.confirm("bogus", yuan("20"), "T-3", PAID_AT))
        .isInstanceOfSatisfying(
            PaymentRefused.class, e -> assertThat(e.reason()).isEqualTo(Refusal.NOT_FOUND));
    assertThatThrownBy(() -> channel.close(out))
        .isInstanceOfSatisfying(
            PaymentRefused.class, e -> assertThat(e.reason()).isEqualTo(Refusal.ALREADY_PAID));
    assertThat(ledgerRows(jdbc, no)).isEqualTo(1);
  }

  @Test
  void lists_the_unpaid_orders_of_a_channel_oldest_first() {
    AccountNo no = anAccount().prepaid("0").insert(jdbc).accountNo();
    String first =
        payments.createOrder(no, yuan("1"), PaymentChannel.WECHAT, null).outTradeNo().value();
    String second =
        payments.createOrder(no, yuan("2"), PaymentChannel.WECHAT, null).outTradeNo().value();
    String alipay =
        payments.createOrder(no, yuan("3"), PaymentChannel.ALIPAY, null).outTradeNo().value();
    String paid =
        payments.createOrder(no, yuan("4"), PaymentChannel.WECHAT, null).outTradeNo().value();
    channel.confirm(paid, yuan("4"), "T-" + paid, PAID_AT);
    Instant later = Instant.now().plus(1, ChronoUnit.MINUTES);

    var unpaid = channel.unpaid("wechat", later, 1000).stream().map(ChannelOrder::outTradeNo);

    assertThat(unpaid.toList()).containsSubsequence(first, second).doesNotContain(alipay, paid);
    assertThat(channel.unpaid("wechat", Instant.parse("2000-01-01T00:00:00Z"), 10)).isEmpty();
    assertThat(channel.close(first).state()).isEqualTo("CLOSED");
    assertThat(channel.close(first).state()).isEqualTo("CLOSED");
    assertThatThrownBy(() -> channel.unpaid("wechat", later, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
