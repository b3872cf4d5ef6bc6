package io.gridbot.service.repair;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A location a customer shared, in degrees (WGS-84 or GCJ-02, as the channel gave it).
 *
 * @param latitude -90 to 90, at most six decimals (about 0.1 m)
 * @param longitude -180 to 180, at most six decimals
 * @throws IllegalArgumentException if a coordinate is out of range or too precise
 * @throws NullPointerException if a coordinate is null
 */
public record GeoPoint(BigDecimal latitude, BigDecimal longitude) {

  private static final BigDecimal NINETY = BigDecimal.valueOf(90);
  private static final BigDecimal ONE_EIGHTY = BigDecimal.valueOf(180);

  public GeoPoint {
    latitude = degrees(latitude, NINETY, "latitude");
    longitude = degrees(longitude, ONE_EIGHTY, "longitude");
  }

  private static BigDecimal degrees(BigDecimal value, BigDecimal max, String name) {
    Objects.requireNonNull(value, name);
    if (value.abs().compareTo(max) > 0) {
      throw new IllegalArgumentException(name + " must be within ±" + max + ": " + value);
    }
    try {
      return value.setScale(6, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(name + " must have at most six decimals: " + value, e);
    }
  }
}
