package io.gridbot.service.appointment;

import java.time.ZoneId;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of appointments, {@code gridbot.appointments.*}.
 *
 * @param zone the zone of slot dates and times and of "today"; default Asia/Shanghai
 * @param maxDaysAhead how many days ahead customers may look for and book slots, 1 to 366; default
 *     30
 */
@ConfigurationProperties("gridbot.appointments")
public record AppointmentProperties(
    @DefaultValue("Asia/Shanghai") ZoneId zone, @DefaultValue("30") int maxDaysAhead) {

  public AppointmentProperties {
    Objects.requireNonNull(zone, "zone");
    if (maxDaysAhead < 1 || maxDaysAhead > 366) {
      throw new IllegalArgumentException("max-days-ahead must be 1 to 366, got " + maxDaysAhead);
    }
  }
}
