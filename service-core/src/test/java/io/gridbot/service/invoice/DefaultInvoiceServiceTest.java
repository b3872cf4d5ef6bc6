package io.gridbot.service.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.gridbot.service.account.Account;
import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountService;
import io.gridbot.service.account.BillingMode;
import io.gridbot.service.payment.OutTradeNo;
import io.gridbot.service.payment.PaymentChannel;
import io.gridbot.service.payment.PaymentOrder;
import io.gridbot.service.payment.PaymentService;
import io.gridbot.service.payment.PaymentState;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class DefaultInvoiceServiceTest {

  private static final OutTradeNo NO = new OutTradeNo("P2026112710000012345678");
  private static final AccountNo ACCOUNT = new AccountNo("3300000002");
  private static final Instant NOW = Instant.parse("2026-11-27T17:00:00Z");

  private final InvoiceMapper mapper = mock(InvoiceMapper.class);
  private final PaymentService payments = mock(PaymentService.class);
  private final AccountService accounts = mock(AccountService.class);
  private final DefaultInvoiceService service =
      new DefaultInvoiceService(mapper, payments, accounts, Clock.fixed(NOW, ZoneOffset.UTC));

  private static PaymentOrder order(PaymentState state) {
    return new PaymentOrder(
        NO,
        ACCOUNT,
        new BigDecimal("86.40"),
        PaymentChannel.WEB,
        null,
        state,
        null,
        BigDecimal.ZERO,
        NOW,
        null,
        null,
        null);
  }

  @Test
  void aPaidOrderGetsAnInvoiceMadeOutToTheCustomerNumberedByTheBusinessDay() {
    // given: the mapper keeps what is inserted
    java.util.concurrent.atomic.AtomicReference<Invoice> stored =
        new java.util.concurrent.atomic.AtomicReference<>();
    org.mockito.Mockito.doAnswer(
            call -> {
              stored.set(call.getArgument(0));
              return null;
            })
        .when(mapper)
        .insert(any());
    when(mapper.findByOutTradeNo(NO)).thenAnswer(call -> Optional.ofNullable(stored.get()));
    when(payments.find(NO)).thenReturn(Optional.of(order(PaymentState.PAID)));
    when(accounts.find(ACCOUNT))
        .thenReturn(
            Optional.of(
                new Account(
                    ACCOUNT,
                    1,
                    "李娜",
                    BillingMode.POSTPAID,
                    BigDecimal.ZERO,
                    BigDecimal.ZERO,
                    "幸福小区",
                    "CN-330106",
                    "13800000002")));

    // when
    Invoice issued = service.issue(NO, "li.na@example.cn");

    // then: 17:00 UTC is the next day in Shanghai
    ArgumentCaptor<Invoice> inserted = ArgumentCaptor.forClass(Invoice.class);
    verify(mapper).insert(inserted.capture());
    assertThat(inserted.getValue().invoiceNo()).startsWith("E20261128").hasSize(17);
    assertThat(inserted.getValue().title()).isEqualTo("李娜");
    assertThat(inserted.getValue().amount()).isEqualTo(new BigDecimal("86.40"));
    assertThat(inserted.getValue().email()).isEqualTo("li.na@example.cn");
    assertThat(issued).isEqualTo(inserted.getValue());
  }

  @Test
  void anInvoicedOrderGetsTheSameInvoiceWithoutANewOne() {
    Invoice existing =
        new Invoice(
            "E2026112712345678",
            NO,
            ACCOUNT,
            new BigDecimal("86.40"),
            "李娜",
            null,
            InvoiceState.ISSUED,
            NOW);
    when(mapper.findByOutTradeNo(NO)).thenReturn(Optional.of(existing));

    assertThat(service.issue(NO, "other@example.cn")).isSameAs(existing);
    verify(mapper, never()).insert(any());
  }

  @Test
  void unpaidOrdersAndBadAddressesAreRefused() {
    when(mapper.findByOutTradeNo(NO)).thenReturn(Optional.empty());
    when(payments.find(NO)).thenReturn(Optional.of(order(PaymentState.CREATED)));

    assertThatThrownBy(() -> service.issue(NO, null)).isInstanceOf(PaymentNotInvoiceable.class);
    assertThatThrownBy(() -> service.issue(NO, "no-at-sign"))
        .isInstanceOf(IllegalArgumentException.class);
    verify(mapper, never()).insert(any());
  }
}
