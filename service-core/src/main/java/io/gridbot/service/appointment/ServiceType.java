package io.gridbot.service.appointment;

import java.util.Objects;

/**
 * A kind of service customers can book, e.g. {@code METER_CHECK} 验表.
 *
 * @param code stable identifier, e.g. {@code HALL_VISIT}
 * @param name the Chinese name customers read
 * @param durationMinutes how long the service usually takes, positive
 * @throws NullPointerException if a component is null
 * @throws IllegalArgumentException if the duration is not positive
 */
public record ServiceType(String code, String name, int durationMinutes, ServiceLocation location) {

  public ServiceType {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(location, "location");
    if (durationMinutes <= 0) {
      throw new IllegalArgumentException("duration must be positive, got " + durationMinutes);
    }
  }
}
