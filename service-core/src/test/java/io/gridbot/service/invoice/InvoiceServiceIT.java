package io.gridbot.service.invoice;

import static io.gridbot.service.TestData.anAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.payment.OutTradeNo;
import io.gridbot.service.payment.PaymentOrder;
import io.gridbot.service.payment.PaymentOrderNotFound;
import io.gridbot.service.payment.PaymentService;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Not transactional: every call commits, as in the application. Data is unique per test. */
@SpringBootTest
@ActiveProfiles("it")
class InvoiceServiceIT {

  @Autowired InvoiceService invoices;
  @Autowired PaymentService payments;
  @Autowired JdbcTemplate jdbc;

  private OutTradeNo order(AccountNo account, String amount, String state, Instant paidAt) {
    OutTradeNo no =
        new OutTradeNo(
            "P20261127100000"
                + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
    jdbc.update(
        "INSERT INTO payment_order (out_trade_no, account_no, amount, channel, state,"
            + " channel_txn_id, refunded_amount, created_at, paid_at)"
            + " VALUES (?, ?, ?, 'WEB', ?, ?, 0, ?, ?)",
        no.value(),
        account.value(),
        new BigDecimal(amount),
        state,
        paidAt == null ? null : "T" + no.value(),
        Timestamp.from(Instant.parse("2026-11-27T02:00:00Z")),
        paidAt == null ? null : Timestamp.from(paidAt));
    return no;
  }

  @Test
  void issues_one_invoice_per_paid_order_made_out_to_the_customer() {
    // given
    AccountNo account = anAccount().insert(jdbc).accountNo();
    OutTradeNo paid = order(account, "86.40", "PAID", Instant.parse("2026-11-27T02:05:00Z"));

    // when
    Invoice first = invoices.issue(paid, "li.na@example.cn");
    Invoice again = invoices.issue(paid, null);

    // then
    assertThat(again).isEqualTo(first);
    assertThat(first.invoiceNo()).matches("E[0-9]{16}");
    assertThat(first.amount()).isEqualTo(new BigDecimal("86.40"));
    Map<String, Object> row =
        jdbc.queryForMap(
            "SELECT invoice_no, account_no, amount, title, email, state FROM invoice"
                + " WHERE out_trade_no = ?",
            paid.value());
    assertThat(row)
        .containsEntry("invoice_no", first.invoiceNo())
        .containsEntry("account_no", account.value())
        .containsEntry("amount", new BigDecimal("86.40"))
        .containsEntry("email", "li.na@example.cn")
        .containsEntry("state", "ISSUED");
    assertThat((String) row.get("title")).isNotBlank().isEqualTo(first.title());
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM invoice WHERE out_trade_no = ?", Integer.class, paid.value()))
        .isEqualTo(1);
    assertThat(invoices.find(first.invoiceNo())).contains(first);
    assertThat(invoices.forPayment(paid)).contains(first);
  }

  @Test
  void unpaid_or_unknown_orders_and_bad_addresses_get_no_invoice() {
    AccountNo account = anAccount().insert(jdbc).accountNo();
    OutTradeNo created = order(account, "10.00", "CREATED", null);
    OutTradeNo paid = order(account, "10.00", "PAID", Instant.parse("2026-11-27T02:05:00Z"));

    assertThatThrownBy(() -> invoices.issue(created, null))
        .isInstanceOf(PaymentNotInvoiceable.class);
    assertThatThrownBy(() -> invoices.issue(new OutTradeNo("P2026112710000099999999"), null))
        .isInstanceOf(PaymentOrderNotFound.class);
    assertThatThrownBy(() -> invoices.issue(paid, "not-an-address"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM invoice WHERE account_no = ?",
                Integer.class,
                account.value()))
        .isZero();
  }

  @Test
  void recent_paid_orders_of_an_account_come_newest_first_without_unpaid_ones() {
    AccountNo account = anAccount().insert(jdbc).accountNo();
    OutTradeNo older = order(account, "50.00", "PAID", Instant.parse("2026-10-01T02:00:00Z"));
    OutTradeNo newer = order(account, "60.00", "PAID", Instant.parse("2026-11-01T02:00:00Z"));
    order(account, "70.00", "CREATED", null);

    List<PaymentOrder> recent = payments.recentPaid(account, 5);

    assertThat(recent).extracting(PaymentOrder::outTradeNo).containsExactly(newer, older);
    assertThat(payments.recentPaid(account, 1))
        .extracting(PaymentOrder::outTradeNo)
        .containsExactly(newer);
    assertThatThrownBy(() -> payments.recentPaid(account, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
