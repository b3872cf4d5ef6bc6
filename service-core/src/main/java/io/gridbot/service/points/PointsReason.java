package io.gridbot.service.points;

/** Why an account's points changed; the sign of the change is fixed per reason except ADJUST. */
public enum PointsReason {
  /** Earned for a payment: points per yuan paid. Positive; a lot that expires. */
  EARN_PAYMENT("缴费积分"),
  /** Bonus for paying every settled bill by its due date. Positive; a lot that expires. */
  EARN_ON_TIME("按时缴费奖励"),
  /** Earned for using an online service, e.g. the first online payment of a month. Positive. */
  EARN_ONLINE("线上服务奖励"),
  /** Spent on a catalogue item. Negative. */
  REDEEM("积分兑换"),
  /** Unspent points of a lot written off when the lot expired. Negative. */
  EXPIRE("积分过期"),
  /** A correction by staff or a refund of a cancelled redemption; positive ones are lots. */
  ADJUST("积分调整");

  private final String label;

  PointsReason(String label) {
    this.label = label;
  }

  /** How the customer's history shows the reason, in Chinese. */
  public String label() {
    return label;
  }
}
