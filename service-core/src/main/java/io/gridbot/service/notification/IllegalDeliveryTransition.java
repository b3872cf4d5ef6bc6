package io.gridbot.service.notification;

import io.gridbot.service.ServiceException;

/** A delivery was asked to move between states that {@link DeliveryState} does not connect. */
public class IllegalDeliveryTransition extends ServiceException {

  private final DeliveryState from;
  private final DeliveryState to;

  public IllegalDeliveryTransition(DeliveryState from, DeliveryState to) {
    super("a delivery cannot move from " + from + " to " + to);
    this.from = from;
    this.to = to;
  }

  public DeliveryState from() {
    return from;
  }

  public DeliveryState to() {
    return to;
  }

  @Override
  public String code() {
    return "notification.illegal-delivery-transition";
  }
}
