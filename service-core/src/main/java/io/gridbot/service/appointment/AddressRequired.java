package io.gridbot.service.appointment;

import io.gridbot.service.ServiceException;

/** An on-site service was booked without the address the field team should go to. */
public class AddressRequired extends ServiceException {

  private final String serviceType;

  public AddressRequired(String serviceType) {
    super("service type " + serviceType + " is on site and needs an address");
    this.serviceType = serviceType;
  }

  public String serviceType() {
    return serviceType;
  }

  @Override
  public String code() {
    return "appointment.address-required";
  }
}
