package io.gridbot.service;

import io.gridbot.service.account.AccountNo;

/** Stores an {@link AccountNo} as its digits in a VARCHAR column. */
class AccountNoTypeHandler extends StringValueTypeHandler<AccountNo> {

  AccountNoTypeHandler() {
    super(AccountNo::new, AccountNo::value);
  }
}
