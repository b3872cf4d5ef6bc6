package io.gridbot.service.tag;

/**
 * What we know about a customer account that helps to serve it. Declared in the order their tips
 * are shown (the most pressing first). Rule-based tags are computed from the account and its bills
 * by {@link TagService#recompute}; the others are set by staff only.
 */
public enum CustomerTag {
  /** Prepaid and the balance is below {@link TagSettings#lowBalance()}. */
  PREPAID_LOW_BALANCE(true, "预付费余额不足", "您的预付费电费余额已不多，建议您尽快充值，以免影响正常用电。"),
  /**
   * At least {@link TagSettings#lateBills()} bills due within {@link TagSettings#lookback()} were
   * paid after their due date or are still unpaid past it.
   */
  LATE_PAYER(true, "缴费常逾期", "温馨提示：按时缴纳电费可以避免产生违约金。您可以订阅缴费提醒，我们会在到期前提醒您。"),
  /**
   * Peak consumption is at least {@link TagSettings#peakShare()} of the total of the last 6 bills.
   */
  PEAK_HEAVY(true, "高峰用电多", "您的高峰时段用电占比较高，建议了解峰谷分时电价，把洗衣、烧水等用电安排在低谷时段，可以节省电费。"),
  /**
   * The average consumption of the last 6 bills exceeds {@link TagSettings#highConsumptionKwh()}.
   */
  HIGH_CONSUMPTION(true, "用电量较高", "您近期用电量较高，建议关注空调、电热水器等大功率电器的使用时长，合理用电更省钱。"),
  /**
   * Has an electric-vehicle charger: a charging-point connection of the account was connected or
   * its charging-point survey done; staff may set it too.
   */
  EV_CHARGER(true, "电动汽车充电", "建议您在夜间低谷时段为电动汽车充电，更加经济实惠。"),
  /**
   * Postpaid, nothing owed, no bill unpaid past due and at least {@link
   * TagSettings#autoDebitMinPaidBills()} paid bills.
   */
  AUTO_DEBIT_ELIGIBLE(true, "可开通代扣", "您可以开通电费自动代扣，到期自动缴费，省心又省事。"),
  /** An elderly customer who may need more help; set by staff. */
  ELDERLY(false, "老年客户", "如需帮助，您可以随时拨打95598客服热线，我们将耐心为您服务；也可以请家人绑定户号，帮您代缴电费。");

  private final boolean ruleBased;
  private final String label;
  private final String tip;

  CustomerTag(boolean ruleBased, String label, String tip) {
    this.ruleBased = ruleBased;
    this.label = label;
    this.tip = tip;
  }

  /** Whether the rules compute it; staff may set any tag either way. */
  public boolean ruleBased() {
    return ruleBased;
  }

  /** A short Chinese name for staff screens. */
  public String label() {
    return label;
  }

  /** A short, polite Chinese tip for the customer. */
  public String tip() {
    return tip;
  }
}
