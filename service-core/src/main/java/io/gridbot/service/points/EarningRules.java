package io.gridbot.service.points;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.payment.PaymentConfirmed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** What a confirmed payment earns, by {@link PointsSettings}. Pure: no I/O. */
final class EarningRules {

  /** Points to credit: one earned lot. */
  record Earning(PointsReason reason, String reference, int points) {}

  private final PointsSettings settings;

  EarningRules(PointsSettings settings) {
    this.settings = settings;
  }

  /**
   * The earnings of a payment, each with its idempotency reference: the payment's points and the
   * on-time bonus under the outTradeNo, the online bonus under the account and month (so only an
   * account's first online payment of a month earns it). Zero-point earnings are left out.
   */
  List<Earning> forPayment(PaymentConfirmed payment) {
    List<Earning> earnings = new ArrayList<>();
    add(earnings, PointsReason.EARN_PAYMENT, payment.outTradeNo(), pointsFor(payment.amount()));
    if (payment.onTime()) {
      add(earnings, PointsReason.EARN_ON_TIME, payment.outTradeNo(), settings.onTimeBonus());
    }
    if (settings.onlineChannels().contains(payment.channel())) {
      YearMonth month = YearMonth.from(payment.at().atZone(settings.zone()));
      add(
          earnings,
          PointsReason.EARN_ONLINE,
          monthlyOnlineReference(payment.accountNo(), month),
          settings.onlineMonthlyBonus());
    }
    return earnings;
  }

  /** Points for an amount paid: one per {@code yuanPerPoint} yuan, rounded down; never negative. */
  int pointsFor(BigDecimal amountPaid) {
    if (amountPaid.signum() <= 0) {
      return 0;
    }
    return amountPaid.divide(settings.yuanPerPoint(), 0, RoundingMode.DOWN).intValueExact();
  }

  static String monthlyOnlineReference(AccountNo accountNo, YearMonth month) {
    return "online-month:" + accountNo.value() + ":" + month;
  }

  private static void add(List<Earning> to, PointsReason reason, String reference, int points) {
    if (points > 0) {
      to.add(new Earning(reason, reference, points));
    }
  }
}
