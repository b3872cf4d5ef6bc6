package io.gridbot.service.invoice;

import io.gridbot.service.account.Account;
import io.gridbot.service.account.AccountNotFound;
import io.gridbot.service.account.AccountService;
import io.gridbot.service.payment.OutTradeNo;
import io.gridbot.service.payment.PaymentOrder;
import io.gridbot.service.payment.PaymentOrderNotFound;
import io.gridbot.service.payment.PaymentService;
import io.gridbot.service.payment.PaymentState;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class DefaultInvoiceService implements InvoiceService {

  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
  private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

  private final InvoiceMapper invoices;
  private final PaymentService payments;
  private final AccountService accounts;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  @Autowired
  DefaultInvoiceService(InvoiceMapper invoices, PaymentService payments, AccountService accounts) {
    this(invoices, payments, accounts, Clock.systemUTC());
  }

  DefaultInvoiceService(
      InvoiceMapper invoices, PaymentService payments, AccountService accounts, Clock clock) {
    this.invoices = invoices;
    this.payments = payments;
    this.accounts = accounts;
    this.clock = clock;
  }

  @Override
  @Transactional
  public Invoice issue(OutTradeNo outTradeNo, String email) {
    Objects.requireNonNull(outTradeNo, "outTradeNo");
    if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
      throw new IllegalArgumentException("not an e-mail address");
    }
    Optional<Invoice> existing = invoices.findByOutTradeNo(outTradeNo);
    if (existing.isPresent()) {
      return existing.get();
    }
    PaymentOrder order =
        payments.find(outTradeNo).orElseThrow(() -> new PaymentOrderNotFound(outTradeNo));
    if (order.state() != PaymentState.PAID) {
      throw new PaymentNotInvoiceable(outTradeNo, order.state());
    }
    Account account =
        accounts.find(order.accountNo()).orElseThrow(() -> new AccountNotFound(order.accountNo()));
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Invoice invoice =
        new Invoice(
            newInvoiceNo(now),
            outTradeNo,
            order.accountNo(),
            order.amount(),
            account.customerName(),
            email,
            InvoiceState.ISSUED,
            now);
    try {
      invoices.insert(invoice);
      // read back: the database's precision of the time is what every later read returns
      return invoices.findByOutTradeNo(outTradeNo).orElseThrow();
    } catch (DuplicateKeyException e) {
      // issued at the same moment by a retry: that one stands
      return invoices.findByOutTradeNo(outTradeNo).orElseThrow(() -> e);
    }
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Invoice> forPayment(OutTradeNo outTradeNo) {
    return invoices.findByOutTradeNo(Objects.requireNonNull(outTradeNo, "outTradeNo"));
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Invoice> find(String invoiceNo) {
    return invoiceNo == null ? Optional.empty() : invoices.findByInvoiceNo(invoiceNo);
  }

  private String newInvoiceNo(Instant now) {
    return "E"
        + DAY.format(now.atZone(BUSINESS_ZONE))
        + String.format("%08d", random.nextInt(100_000_000));
  }
}
