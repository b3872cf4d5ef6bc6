package io.gridbot.service.points;

import io.gridbot.service.notification.Notice;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What customers are told about their redemptions, in Chinese. The notice kind is {@code progress}
 * (the shared contract has no points kind): the account's subscribers of progress updates get it.
 */
final class RedemptionNotices {

  private static final String KIND = "progress";

  private RedemptionNotices() {}

  static Notice issued(Redemption r) {
    String what = "「" + r.itemName() + "」×" + r.quantity();
    String text =
        r.couponCode() == null
            ? "您已成功使用" + r.points() + "积分兑换" + what + "，工作人员将尽快与您联系发放礼品。感谢您对我们工作的支持！"
            : "您已成功使用"
                + r.points()
                + "积分兑换"
                + what
                + "，券码"
                + r.couponCode()
                + "，共"
                + r.couponAmount().toPlainString()
                + "元，已存入您的电费账户：有欠费的先抵欠费，其余留作预存电费。感谢您对我们工作的支持！";
    return new Notice(KIND, "points:" + r.requestId() + ":ISSUED", "积分兑换成功", text, false, data(r));
  }

  static Notice cancelled(Redemption r) {
    String text =
        "您兑换的「" + r.itemName() + "」已取消，" + r.points() + "积分已退回您的账户。如有疑问，请拨打95598，我们将竭诚为您服务。";
    return new Notice(
        KIND, "points:" + r.requestId() + ":CANCELLED", "积分兑换已取消", text, false, data(r));
  }

  private static Map<String, String> data(Redemption r) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("accountNo", r.accountNo().masked());
    data.put("item", r.itemName());
    data.put("quantity", Integer.toString(r.quantity()));
    data.put("points", Integer.toString(r.points()));
    if (r.couponCode() != null) {
      data.put("couponCode", r.couponCode());
      data.put("couponAmount", r.couponAmount().toPlainString());
    }
    return data;
  }
}
