package io.gridbot.service.job;

import io.gridbot.service.notification.Notice;
import io.gridbot.service.notification.NotificationPublisher;
import io.gridbot.service.notification.NotificationSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The scheduled scans that turn account data into notices. Each runs under a {@link JobLock} so
 * that it runs on one instance at a time, and gives every notice a key that repeats within its
 * period, so that running a scan again (on another instance, after a crash, by hand) never tells
 * anyone twice:
 *
 * <ul>
 *   <li>low balance: {@code low_balance:<account>:<yyyyMMdd>}, once a day per subscriber;
 *   <li>arrears: {@code arrears:<account>:<yyyy>W<ww>}, once a week per account;
 *   <li>monthly bill: {@code monthly_bill:<account>:<yyyy-MM>}, once per bill.
 * </ul>
 */
@Component
public class NoticeScans {

  static final String LOW_BALANCE = "notice-scan-low-balance";
  static final String ARREARS = "notice-scan-arrears";
  static final String MONTHLY_BILL = "notice-scan-monthly-bill";

  private static final Logger log = LoggerFactory.getLogger(NoticeScans.class);
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final int PAGE = 500;
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final ScanMapper scans;
  private final JobLock locks;
  private final NotificationPublisher publisher;
  private final NotificationSettings settings;
  private final Clock clock;

  NoticeScans(
      ScanMapper scans,
      JobLock locks,
      NotificationPublisher publisher,
      NotificationSettings settings,
      ObjectProvider<Clock> clock) {
    this.scans = scans;
    this.locks = locks;
    this.publisher = publisher;
    this.settings = settings;
    this.clock = clock.getIfUnique(Clock::systemUTC);
  }

  /**
   * Reminds each low balance subscriber whose prepaid account is under their threshold.
   *
   * @return the notices published, or empty if the scan is running elsewhere
   */
  public OptionalInt lowBalance() {
    return exclusively(LOW_BALANCE, this::scanLowBalance);
  }

  /** Reminds the arrears subscribers of postpaid accounts that owe money. */
  public OptionalInt arrears() {
    return exclusively(ARREARS, this::scanArrears);
  }

  /** Tells the monthly bill subscribers about bills issued within the configured lookback. */
  public OptionalInt monthlyBills() {
    return exclusively(MONTHLY_BILL, this::scanNewBills);
  }

  private int scanLowBalance() {
    String day = LocalDate.now(clock.withZone(CHINA)).format(DAY);
    int published = 0;
    long after = 0;
    List<ScanMapper.LowBalance> page;
    while (!(page = scans.findLowBalances(after, PAGE)).isEmpty()) {
      for (ScanMapper.LowBalance row : page) {
        String account = row.accountNo().masked();
        publisher.toUser(
            row.user(),
            new Notice(
                "low_balance",
                "low_balance:" + row.accountNo().value() + ":" + day,
                "余额不足提醒",
                "您好，您的户号"
                    + account
                    + "当前余额"
                    + row.balance().toPlainString()
                    + "元，已低于您设置的提醒金额"
                    + row.threshold().toPlainString()
                    + "元。为避免影响正常用电，请及时充值，谢谢！",
                false,
                Map.of(
                    "accountNo", account,
                    "balance", row.balance().toPlainString(),
                    "threshold", row.threshold().toPlainString())));
        published++;
      }
      after = page.get(page.size() - 1).subscriptionId();
    }
    return published;
  }

  private int scanArrears() {
    LocalDate today = LocalDate.now(clock.withZone(CHINA));
    String week =
        today.get(IsoFields.WEEK_BASED_YEAR)
            + "W"
            + String.format("%02d", today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    int published = 0;
    String after = "";
    List<ScanMapper.Arrears> page;
    while (!(page = scans.findArrears(after, PAGE)).isEmpty()) {
      for (ScanMapper.Arrears row : page) {
        String account = row.accountNo().masked();
        publisher.toAccount(
            row.accountNo(),
            new Notice(
                "arrears",
                "arrears:" + row.accountNo().value() + ":" + week,
                "欠费提醒",
                "您好，您的户号"
                    + account
                    + "目前欠费"
                    + row.arrears().toPlainString()
                    + "元，请您及时缴纳，以免产生违约金。如已缴纳，请忽略本消息，谢谢！",
                false,
                Map.of("accountNo", account, "arrears", row.arrears().toPlainString())));
        published++;
      }
      after = page.get(page.size() - 1).accountNo().value();
    }
    return published;
  }

  private int scanNewBills() {
    Instant since = clock.instant().minus(settings.jobs().billLookback());
    int published = 0;
    long after = 0;
    List<ScanMapper.NewBill> page;
    while (!(page = scans.findNewBills(since, after, PAGE)).isEmpty()) {
      for (ScanMapper.NewBill bill : page) {
        String account = bill.accountNo().masked();
        String month = bill.period().getYear() + "年" + bill.period().getMonthValue() + "月";
        publisher.toAccount(
            bill.accountNo(),
            new Notice(
                "monthly_bill",
                "monthly_bill:" + bill.accountNo().value() + ":" + bill.period(),
                "电费账单通知",
                "您好，您的户号"
                    + account
                    + month
                    + "电费账单已出：用电"
                    + bill.kwh().toPlainString()
                    + "千瓦时，电费"
                    + bill.amount().toPlainString()
                    + "元，请于"
                    + bill.dueDate().format(CHINESE_DATE)
                    + "前缴纳，谢谢！",
                false,
                Map.of(
                    "accountNo", account,
                    "period", bill.period().toString(),
                    "kwh", bill.kwh().toPlainString(),
                    "amount", bill.amount().toPlainString(),
                    "dueDate", bill.dueDate().toString())));
        published++;
      }
      after = page.get(page.size() - 1).billId();
    }
    return published;
  }

  private OptionalInt exclusively(String name, java.util.function.IntSupplier scan) {
    int[] published = {0};
    boolean ran =
        locks.runScheduled(
            name,
            settings.jobs().lockTtl(),
            settings.jobs().lockAtLeast(),
            () -> published[0] = scan.getAsInt());
    if (!ran) {
      return OptionalInt.empty();
    }
    log.info("scan {} published {} notices", name, published[0]);
    return OptionalInt.of(published[0]);
  }
}
