package io.gridbot.channel.wechat;

import io.gridbot.dialog.store.LockStore;
import io.gridbot.dialog.store.StateStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import me.chanjar.weixin.common.util.http.apache.DefaultApacheHttpClientBuilder;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpRedisConfigImpl;
import org.springframework.stereotype.Component;

/**
 * The configured official accounts and a WxJava client for each, whose access tokens live in the
 * shared state store (so that instances share one token per account) and whose calls time out.
 */
@Component
public class WeChatAccounts {

  private final Map<String, Entry> accounts = new LinkedHashMap<>();

  WeChatAccounts(WeChatSettings settings, StateStore state, LockStore locks) {
    DefaultApacheHttpClientBuilder http = DefaultApacheHttpClientBuilder.get();
    http.setConnectionTimeout((int) settings.connectTimeout().toMillis());
    http.setConnectionRequestTimeout((int) settings.connectTimeout().toMillis());
    http.setSoTimeout((int) settings.readTimeout().toMillis());
    SharedTokenOps tokens = new SharedTokenOps(state, locks);
    for (WeChatSettings.Account account : settings.accounts()) {
      WxMpRedisConfigImpl config = new WxMpRedisConfigImpl(tokens, "wechat:token");
      config.setAppId(account.appId());
      config.setSecret(account.secret());
      config.setToken(account.token());
      if (account.encrypted()) {
        config.setAesKey(account.aesKey());
      }
      config.setApacheHttpClientBuilder(http);
      if (settings.apiBaseUrl() != null) {
        config.setHostConfig(
            WxMpHostConfig.builder()
                .apiHost(settings.apiBaseUrl())
                .mpHost(settings.apiBaseUrl())
                .openHost(settings.apiBaseUrl())
                .build());
      }
      WxMpService service = new WxMpServiceImpl();
      service.setWxMpConfigStorage(config);
      // one quick retry for a busy system (-1); never sleep seconds inside a webhook
      service.setMaxRetryTimes(1);
      service.setRetrySleepMillis(200);
      accounts.put(account.appId(), new Entry(account, service));
    }
  }

  /** The account with this appid, if configured. */
  public Optional<WeChatSettings.Account> account(String appId) {
    return Optional.ofNullable(accounts.get(appId)).map(Entry::account);
  }

  /**
   * The WxJava client of the account with this appid.
   *
   * @throws IllegalArgumentException if no such account is configured
   */
  public WxMpService service(String appId) {
    Entry entry = accounts.get(appId);
    if (entry == null) {
      throw new IllegalArgumentException("no WeChat account " + appId);
    }
    return entry.service();
  }

  /** The appids configured, in configuration order. */
  public java.util.List<String> appIds() {
    return java.util.List.copyOf(accounts.keySet());
  }

  private record Entry(WeChatSettings.Account account, WxMpService service) {}
}
