package io.gridbot.service.points;

import java.math.BigDecimal;
import java.time.Period;
import java.time.ZoneId;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How points are earned, kept and spent, {@code gridbot.points.*}. Every setting has a default.
 *
 * @param yuanPerPoint a payment earns one point per this many yuan, rounded down; 10 by default
 * @param onTimeBonus points for a payment that settled every bill by its due date; 5 by default
 * @param onlineMonthlyBonus points for an account's first payment of a calendar month through an
 *     online channel; 10 by default
 * @param onlineChannels the channels that count as online; {@code wechat}, {@code alipay} and
 *     {@code web} by default
 * @param onlineServicePoints points for one use of an online service ({@link
 *     PointsService#earnForOnlineService}); 5 by default
 * @param validity how long earned points stay valid; 24 months by default
 * @param zone the time zone of calendar months; {@code Asia/Shanghai} by default
 * @param maxQuantity the most units of an item one redemption may take; 10 by default
 * @param expiryBatchSize accounts the expiry job reads at a time; 500 by default
 * @throws IllegalArgumentException if a number is out of range or the validity is not positive
 */
@ConfigurationProperties("gridbot.points")
public record PointsSettings(
    BigDecimal yuanPerPoint,
    Integer onTimeBonus,
    Integer onlineMonthlyBonus,
    Set<String> onlineChannels,
    Integer onlineServicePoints,
    Period validity,
    ZoneId zone,
    Integer maxQuantity,
    Integer expiryBatchSize) {

  public PointsSettings {
    yuanPerPoint = yuanPerPoint == null ? BigDecimal.TEN : yuanPerPoint;
    onTimeBonus = onTimeBonus == null ? 5 : onTimeBonus;
    onlineMonthlyBonus = onlineMonthlyBonus == null ? 10 : onlineMonthlyBonus;
    onlineChannels =
        onlineChannels == null ? Set.of("wechat", "alipay", "web") : Set.copyOf(onlineChannels);
    onlineServicePoints = onlineServicePoints == null ? 5 : onlineServicePoints;
    validity = validity == null ? Period.ofMonths(24) : validity.normalized();
    zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
    maxQuantity = maxQuantity == null ? 10 : maxQuantity;
    expiryBatchSize = expiryBatchSize == null ? 500 : expiryBatchSize;
    if (yuanPerPoint.signum() <= 0) {
      throw new IllegalArgumentException("gridbot.points.yuan-per-point must be positive");
    }
    requireNotNegative("on-time-bonus", onTimeBonus);
    requireNotNegative("online-monthly-bonus", onlineMonthlyBonus);
    requireNotNegative("online-service-points", onlineServicePoints);
    if (validity.isNegative() || validity.isZero()) {
      throw new IllegalArgumentException("gridbot.points.validity must be positive");
    }
    if (maxQuantity < 1) {
      throw new IllegalArgumentException("gridbot.points.max-quantity must be at least 1");
    }
    if (expiryBatchSize < 1) {
      throw new IllegalArgumentException("gridbot.points.expiry-batch-size must be at least 1");
    }
  }

  /** The defaults. */
  public static PointsSettings defaults() {
    return new PointsSettings(null, null, null, null, null, null, null, null, null);
  }

  private static void requireNotNegative(String name, int value) {
    if (value < 0) {
      throw new IllegalArgumentException("gridbot.points." + name + " must not be negative");
    }
  }
}
