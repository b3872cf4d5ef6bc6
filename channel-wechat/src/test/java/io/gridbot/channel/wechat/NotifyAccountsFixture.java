package io.gridbot.channel.wechat;

import io.gridbot.dialog.store.LockStore;
import io.gridbot.dialog.store.StateStore;

/** Builds {@link WeChatAccounts} outside Spring, for the notify and menu packages' tests. */
public final class NotifyAccountsFixture {

  private NotifyAccountsFixture() {}

  public static WeChatAccounts accounts(
      WeChatSettings settings, StateStore state, LockStore locks) {
    return new WeChatAccounts(settings, state, locks);
  }
}
