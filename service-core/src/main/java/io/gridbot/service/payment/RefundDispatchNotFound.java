package io.gridbot.service.payment;

import io.gridbot.service.ServiceException;

/** No refund on its way through a payment platform has this out_refund_no. */
public class RefundDispatchNotFound extends ServiceException {

  private final String outRefundNo;

  public RefundDispatchNotFound(String outRefundNo) {
    super("refund " + outRefundNo + " is not sent through a payment platform or does not exist");
    this.outRefundNo = outRefundNo;
  }

  public String outRefundNo() {
    return outRefundNo;
  }

  @Override
  public String code() {
    return "refund.not-found";
  }
}
