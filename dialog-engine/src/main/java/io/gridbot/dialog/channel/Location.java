package io.gridbot.dialog.channel;

/**
 * A place the customer shared (a WeChat or Alipay location message, the browser's position).
 *
 * @param latitude WGS-84/GCJ-02 degrees, -90 to 90
 * @param longitude degrees, -180 to 180
 * @param label the place's name or address as the channel gives it; may be null
 */
public record Location(double latitude, double longitude, String label) {

  public Location {
    if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
      throw new IllegalArgumentException("latitude/longitude out of range");
    }
    if (label != null) {
      label = label.strip();
      if (label.isEmpty()) {
        label = null;
      } else if (label.length() > 255) {
        label = label.substring(0, 255);
      }
    }
  }

  /** {@code lat,lng} with six decimals, the value of the {@code location} entity. */
  public String coordinates() {
    return String.format(java.util.Locale.ROOT, "%.6f,%.6f", latitude, longitude);
  }

  /** Parses {@link #coordinates()}; empty when malformed. */
  public static java.util.Optional<Location> parse(String coordinates, String label) {
    if (coordinates == null) {
      return java.util.Optional.empty();
    }
    String[] parts = coordinates.split(",");
    if (parts.length != 2) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(
          new Location(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), label));
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }
}
