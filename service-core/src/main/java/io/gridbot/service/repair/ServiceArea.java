package io.gridbot.service.repair;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A supply area as fault reports find it.
 *
 * @param keywords community and road names of the area, separated by {@code |}
 */
record ServiceArea(
    String code,
    String name,
    BigDecimal centerLat,
    BigDecimal centerLng,
    int radiusMeters,
    String keywords) {

  ServiceArea {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(centerLat, "centerLat");
    Objects.requireNonNull(centerLng, "centerLng");
    keywords = keywords == null ? "" : keywords;
  }

  List<String> keywordList() {
    return Arrays.stream(keywords.split("\\|"))
        .map(String::strip)
        .filter(k -> k.length() >= 2)
        .toList();
  }

  /** Great-circle distance in metres from the area's centre. */
  double metersFrom(GeoPoint point) {
    double lat1 = Math.toRadians(centerLat.doubleValue());
    double lat2 = Math.toRadians(point.latitude().doubleValue());
    double dLat = lat2 - lat1;
    double dLng = Math.toRadians(point.longitude().doubleValue() - centerLng.doubleValue());
    double a =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
    return 6_371_000 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
  }
}
