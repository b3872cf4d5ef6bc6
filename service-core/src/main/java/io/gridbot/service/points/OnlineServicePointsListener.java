package io.gridbot.service.points;

import io.gridbot.service.account.OnlineServiceUsed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Credits online-service points once the booking or application that earned them committed, in a
 * transaction of their own: a points failure never undoes what the customer did (it is logged; the
 * reference makes a later credit of the same use impossible to double).
 */
@Component
class OnlineServicePointsListener {

  private static final Logger log = LoggerFactory.getLogger(OnlineServicePointsListener.class);

  private final PointsService points;

  OnlineServicePointsListener(PointsService points) {
    this.points = points;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void on(OnlineServiceUsed used) {
    try {
      int credited = points.earnForOnlineService(used.account(), used.reference());
      log.info(
          "online service {} by {}: {} points to account {}",
          used.reference(),
          used.by().channel(),
          credited,
          used.account().masked());
    } catch (RuntimeException e) {
      log.warn(
          "online service {} earned no points for account {}: {}",
          used.reference(),
          used.account().masked(),
          e.getMessage());
    }
  }
}
