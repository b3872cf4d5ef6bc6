package io.gridbot.channel.wechat.pay;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.channel.wechat.WeChatAccounts;
import io.gridbot.channel.wechat.WeChatAccountsFixture;
import io.gridbot.dialog.store.LockStore;
import io.gridbot.dialog.store.StateStores;
import io.gridbot.service.port.ChannelPayments;
import io.gridbot.service.port.ChannelRefunds;
import io.gridbot.service.testing.FakeChannelRefunds;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/**
 * WeChat Pay's beans: none unless enabled, all when enabled, and a start refused on bad settings.
 */
class WeChatPayConfigurationIT {

  private final PayFixture fixture = new PayFixture();

  private WebApplicationContextRunner runner() {
    return new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of())
        .withUserConfiguration(WeChatPayConfiguration.class)
        .withBean(
            WeChatAccounts.class,
            () -> WeChatAccountsFixture.oneAccount(PayFixture.APP_ID, "http://127.0.0.1:9"))
        .withBean(ChannelPayments.class, FakeChannelPayments::new)
        .withBean(ChannelRefunds.class, FakeChannelRefunds::new)
        .withBean(LockStore.class, StateStores::inMemoryLockStore)
        .withBean(PayNotifyController.class)
        .withBean(PaymentPageController.class);
  }

  private String[] enabled(String appId) {
    WeChatPaySettings s = fixture.settings(null);
    return new String[] {
      "gridbot.wechat.pay.enabled=true",
      "gridbot.wechat.pay.mch-id=" + s.mchId(),
      "gridbot.wechat.pay.app-id=" + appId,
      "gridbot.wechat.pay.api-v3-key=" + s.apiV3Key(),
      "gridbot.wechat.pay.merchant-private-key=" + s.merchantPrivateKey(),
      "gridbot.wechat.pay.merchant-serial-no=" + s.merchantSerialNo(),
      "gridbot.wechat.pay.platform-public-key=" + s.platformPublicKey(),
      "gridbot.wechat.pay.platform-public-key-id=" + s.platformPublicKeyId(),
      "gridbot.wechat.pay.notify-url=https://gridbot.example.cn/wx/pay/notify",
      "gridbot.wechat.pay.page-base-url=https://gridbot.example.cn"
    };
  }

  @Test
  void nothingIsCreatedWhenNotEnabled() {
    new WebApplicationContextRunner()
        .withUserConfiguration(WeChatPayConfiguration.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(PayHost.class);
              assertThat(context).doesNotHaveBean(PayReconciliation.class);
              assertThat(context).doesNotHaveBean(PayRefunds.class);
              assertThat(context.getBean(WeChatPaySettings.class).enabled()).isFalse();
            });
  }

  @Test
  void everythingIsCreatedWhenEnabled() {
    runner()
        .withPropertyValues(enabled(PayFixture.APP_ID))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(PayHost.class);
              assertThat(context).hasSingleBean(PayNotifications.class);
              assertThat(context).hasSingleBean(PaymentPage.class);
              assertThat(context).hasSingleBean(PayReconciliation.class);
              assertThat(context).hasSingleBean(PayRefunds.class);
              assertThat(context).hasSingleBean(PayRefundNotifications.class);
            });
  }

  @Test
  void anAppIdThatIsNoConfiguredAccountStopsTheStart() {
    runner()
        .withPropertyValues(enabled("wx0000000000000000"))
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("is not one of gridbot.wechat.accounts"));
  }
}
