package io.gridbot.service.repair;

import io.gridbot.service.outage.AreaCode;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Finds the supply area of a fault reported without a customer number: the nearest area whose
 * radius covers the shared location, else the area whose community or road names appear in the
 * address (the longest name wins, so 幸福小区 beats 幸福).
 */
@Component
class AreaLookup {

  private final ServiceAreaMapper areas;

  AreaLookup(ServiceAreaMapper areas) {
    this.areas = areas;
  }

  Optional<AreaCode> locate(GeoPoint location, String address) {
    List<ServiceArea> all = areas.findAll();
    if (location != null) {
      Optional<ServiceArea> near =
          all.stream()
              .filter(a -> a.metersFrom(location) <= a.radiusMeters())
              .min(Comparator.comparingDouble(a -> a.metersFrom(location)));
      if (near.isPresent()) {
        return Optional.of(new AreaCode(near.get().code()));
      }
    }
    if (address != null && !address.isBlank()) {
      String text = address.replaceAll("\\s+", "");
      ServiceArea best = null;
      int bestLength = 0;
      for (ServiceArea area : all) {
        for (String keyword : area.keywordList()) {
          if (text.contains(keyword) && keyword.length() > bestLength) {
            best = area;
            bestLength = keyword.length();
          }
        }
      }
      if (best != null) {
        return Optional.of(new AreaCode(best.code()));
      }
    }
    return Optional.empty();
  }
}
