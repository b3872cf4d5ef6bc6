package io.gridbot.service.payment;

import io.gridbot.service.ServiceException;

/**
 * A confirmation names a channel transaction that does not belong to the order: the order was
 * already paid by another transaction, or the transaction already paid another order. Nothing was
 * credited; staff must look into it (the customer may have paid twice).
 */
public class ChannelTransactionMismatch extends ServiceException {

  private final OutTradeNo outTradeNo;
  private final String channelTxnId;

  public ChannelTransactionMismatch(OutTradeNo outTradeNo, String channelTxnId, String why) {
    super("payment order " + outTradeNo + ", channel transaction " + channelTxnId + ": " + why);
    this.outTradeNo = outTradeNo;
    this.channelTxnId = channelTxnId;
  }

  public OutTradeNo outTradeNo() {
    return outTradeNo;
  }

  public String channelTxnId() {
    return channelTxnId;
  }

  @Override
  public String code() {
    return "payment.channel-transaction-mismatch";
  }
}
