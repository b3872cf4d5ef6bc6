package io.gridbot.service.payment;

import io.gridbot.service.StringValueTypeHandler;

/** Stores an {@link OutTradeNo} as its string in a VARCHAR column. */
class OutTradeNoTypeHandler extends StringValueTypeHandler<OutTradeNo> {

  OutTradeNoTypeHandler() {
    super(OutTradeNo::new, OutTradeNo::value);
  }
}
