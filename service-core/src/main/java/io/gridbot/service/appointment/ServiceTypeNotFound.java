package io.gridbot.service.appointment;

import io.gridbot.service.ServiceException;

/** No active service type has this code. */
public class ServiceTypeNotFound extends ServiceException {

  private final String serviceType;

  public ServiceTypeNotFound(String serviceType) {
    super("service type " + serviceType + " does not exist or is not offered");
    this.serviceType = serviceType;
  }

  public String serviceType() {
    return serviceType;
  }

  @Override
  public String code() {
    return "appointment.service-type-not-found";
  }
}
