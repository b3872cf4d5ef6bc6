package io.gridbot.service.autodebit;

/** The platform an auto-debit agreement is signed with. */
public enum AutoDebitChannel {
  ALIPAY,
  WECHAT
}
