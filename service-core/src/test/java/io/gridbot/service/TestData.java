package io.gridbot.service;

import io.gridbot.service.account.Account;
import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.BillingMode;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.billing.Bill;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Test data builders. Rows are written with plain JDBC, never with the code under test; every
 * builder starts from plausible defaults and unique identifiers, so tests only state what matters
 * to them.
 */
public final class TestData {

  private static final AtomicLong SEQUENCE = new AtomicLong();

  private TestData() {}

  /** A fresh 10-digit account number that no demo row uses (77 followed by a sequence). */
  public static AccountNo newAccountNo() {
    return new AccountNo(String.format("77%08d", SEQUENCE.incrementAndGet()));
  }

  /** A fresh channel user of the channel. */
  public static ChannelUser newUser(String channel) {
    return new ChannelUser(channel, "oTest-" + SEQUENCE.incrementAndGet() + "-Xy");
  }

  public static ChannelUser newWechatUser() {
    return newUser("wechat");
  }

  public static AccountBuilder anAccount() {
    return new AccountBuilder();
  }

  public static BillBuilder aBill(AccountNo accountNo) {
    return new BillBuilder(accountNo);
  }

  public static BigDecimal yuan(String amount) {
    return new BigDecimal(amount);
  }

  /** A postpaid, active account with nothing owed unless told otherwise. */
  public static final class AccountBuilder {

    private AccountNo accountNo = newAccountNo();
    private String customerName = "测试用户";
    private BillingMode billingMode = BillingMode.POSTPAID;
    private BigDecimal balance = new BigDecimal("0.00");
    private BigDecimal arrears = new BigDecimal("0.00");
    private String address = "测试小区1栋1单元101";
    private String areaCode = "CN-330106-001";
    private String registeredPhone = "13900001234";
    private String status = "ACTIVE";

    public AccountBuilder accountNo(AccountNo accountNo) {
      this.accountNo = accountNo;
      return this;
    }

    public AccountBuilder customerName(String customerName) {
      this.customerName = customerName;
      return this;
    }

    public AccountBuilder prepaid(String balance) {
      this.billingMode = BillingMode.PREPAID;
      this.balance = new BigDecimal(balance);
      return this;
    }

    public AccountBuilder postpaid(String arrears) {
      this.billingMode = BillingMode.POSTPAID;
      this.arrears = new BigDecimal(arrears);
      return this;
    }

    public AccountBuilder address(String address) {
      this.address = address;
      return this;
    }

    public AccountBuilder areaCode(String areaCode) {
      this.areaCode = areaCode;
      return this;
    }

    public AccountBuilder registeredPhone(String registeredPhone) {
      this.registeredPhone = registeredPhone;
      return this;
    }

    public AccountBuilder closed() {
      this.status = "CLOSED";
      return this;
    }

    /** Inserts a customer and the account; returns the account as the services should see it. */
    public Account insert(JdbcTemplate jdbc) {
      GeneratedKeyHolder key = new GeneratedKeyHolder();
      jdbc.update(
          connection -> {
            PreparedStatement insert =
                connection.prepareStatement(
                    "INSERT INTO customer (name) VALUES (?)", Statement.RETURN_GENERATED_KEYS);
            insert.setString(1, customerName);
            return insert;
          },
          key);
      long customerId = Objects.requireNonNull(key.getKey()).longValue();
      jdbc.update(
          "INSERT INTO account (account_no, customer_id, billing_mode, balance, arrears, address,"
              + " area_code, registered_phone, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          accountNo.value(),
          customerId,
          billingMode.name(),
          balance,
          arrears,
          address,
          areaCode,
          registeredPhone,
          status);
      return new Account(
          accountNo,
          customerId,
          customerName,
          billingMode,
          balance,
          arrears,
          address,
          areaCode,
          registeredPhone);
    }
  }

  /** An unpaid bill for 2026-01 unless told otherwise. */
  public static final class BillBuilder {

    private final AccountNo accountNo;
    private YearMonth period = YearMonth.of(2026, 1);
    private BigDecimal kwhPeak = new BigDecimal("100.00");
    private BigDecimal kwhValley = new BigDecimal("80.00");
    private BigDecimal kwhFlat = new BigDecimal("30.00");
    private BigDecimal amount = new BigDecimal("95.98");
    private boolean paid;

    private BillBuilder(AccountNo accountNo) {
      this.accountNo = accountNo;
    }

    public BillBuilder period(String period) {
      this.period = YearMonth.parse(period);
      return this;
    }

    public BillBuilder kwh(String peak, String valley, String flat) {
      this.kwhPeak = new BigDecimal(peak);
      this.kwhValley = new BigDecimal(valley);
      this.kwhFlat = new BigDecimal(flat);
      return this;
    }

    public BillBuilder amount(String amount) {
      this.amount = new BigDecimal(amount);
      return this;
    }

    public BillBuilder paid() {
      this.paid = true;
      return this;
    }

    /** Inserts the bill (due on the 25th of the next month); returns it as the services see it. */
    public Bill insert(JdbcTemplate jdbc) {
      LocalDate due = period.plusMonths(1).atDay(25);
      jdbc.update(
          "INSERT INTO bill (account_no, period, kwh_peak, kwh_valley, kwh_flat, amount, due_date,"
              + " paid, paid_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          accountNo.value(),
          period.toString(),
          kwhPeak,
          kwhValley,
          kwhFlat,
          amount,
          due,
          paid,
          paid ? java.sql.Timestamp.valueOf(due.minusDays(10).atStartOfDay()) : null);
      return new Bill(accountNo, period, kwhPeak, kwhValley, kwhFlat, amount, due, paid);
    }
  }
}
