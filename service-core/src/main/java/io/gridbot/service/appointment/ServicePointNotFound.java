package io.gridbot.service.appointment;

import io.gridbot.service.ServiceException;

/** No active service point has this code. */
public class ServicePointNotFound extends ServiceException {

  private final String servicePoint;

  public ServicePointNotFound(String servicePoint) {
    super("service point " + servicePoint + " does not exist or is closed");
    this.servicePoint = servicePoint;
  }

  public String servicePoint() {
    return servicePoint;
  }

  @Override
  public String code() {
    return "appointment.service-point-not-found";
  }
}
