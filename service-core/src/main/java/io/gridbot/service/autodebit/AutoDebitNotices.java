package io.gridbot.service.autodebit;

import io.gridbot.service.notification.Notice;
import java.util.Map;

/** The customer-facing texts of auto-debit, in polite Chinese. */
final class AutoDebitNotices {

  private AutoDebitNotices() {}

  /** A deduction the platform refused: the customer pays another way. */
  static Notice failed(DeductionRow deduction) {
    String account = deduction.accountNo().masked();
    String amount = deduction.amount().setScale(2).toPlainString();
    String platform = deduction.channel() == AutoDebitChannel.ALIPAY ? "支付宝" : "微信支付";
    String text =
        "尊敬的客户，您好！您的户号"
            + account
            + "的"
            + deduction.period().getYear()
            + "年"
            + deduction.period().getMonthValue()
            + "月电费"
            + amount
            + "元通过"
            + platform
            + "自动扣费未成功，本期不再重复扣款。请您通过其他方式及时缴纳，以免产生欠费。";
    return new Notice(
        "payment",
        "autodebit:failed:" + deduction.outTradeNo(),
        "自动扣费未成功",
        text,
        false,
        Map.of(
            "account",
            account,
            "amount",
            amount,
            "period",
            deduction.period().toString(),
            "outTradeNo",
            deduction.outTradeNo()));
  }
}
