package io.gridbot.channel.wechat;

import io.gridbot.dialog.store.StateStores;

/** Builds {@link WeChatAccounts} for tests of other packages of this module. */
public final class WeChatAccountsFixture {

  private WeChatAccountsFixture() {}

  /** One account with this appid, its API host (OAuth2 included) at {@code apiBaseUrl}. */
  public static WeChatAccounts oneAccount(String appId, String apiBaseUrl) {
    WeChatSettings settings =
        WeChatSettings.of(
            java.util.List.of(new WeChatSettings.Account(appId, "test-secret", "test-token", null)),
            apiBaseUrl);
    return new WeChatAccounts(
        settings, StateStores.inMemoryStateStore(), StateStores.inMemoryLockStore());
  }
}
