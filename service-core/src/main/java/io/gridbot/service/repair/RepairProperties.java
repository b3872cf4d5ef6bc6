package io.gridbot.service.repair;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gridbot.repair.*}: when fault reports add up to an outage.
 *
 * @param clusterSize how many open fault reports from one area, not yet part of an outage, within
 *     {@code clusterWindow} open an unplanned outage; 2 to 1000, default 3
 * @param clusterWindow how far back reports count; 1 minute to 24 hours, default 15 minutes
 * @throws IllegalArgumentException if a value is out of range (the application does not start)
 */
@ConfigurationProperties("gridbot.repair")
public record RepairProperties(
    @DefaultValue("3") int clusterSize, @DefaultValue("15m") Duration clusterWindow) {

  public RepairProperties {
    if (clusterSize < 2 || clusterSize > 1000) {
      throw new IllegalArgumentException(
          "gridbot.repair.cluster-size must be 2 to 1000, got " + clusterSize);
    }
    Objects.requireNonNull(clusterWindow, "gridbot.repair.cluster-window");
    if (clusterWindow.compareTo(Duration.ofMinutes(1)) < 0
        || clusterWindow.compareTo(Duration.ofHours(24)) > 0) {
      throw new IllegalArgumentException(
          "gridbot.repair.cluster-window must be 1 minute to 24 hours, got " + clusterWindow);
    }
  }
}
