package io.gridbot.service.appointment;

import java.util.Objects;

/**
 * A business hall or a field team that serves bookings.
 *
 * @param code stable identifier
 * @param serves the location of the service types it serves
 * @param areaCodePrefix the area it serves: accounts whose area code starts with it
 * @param phone the point's public phone, or null
 */
public record ServicePoint(
    String code,
    String name,
    ServiceLocation serves,
    String areaCodePrefix,
    String address,
    String phone) {

  public ServicePoint {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(serves, "serves");
    Objects.requireNonNull(areaCodePrefix, "areaCodePrefix");
    Objects.requireNonNull(address, "address");
  }
}
