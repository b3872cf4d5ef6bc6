package io.gridbot.channel.wechat.pay;

import io.gridbot.channel.wechat.WeChatAccounts;
import io.gridbot.dialog.store.LockStore;
import io.gridbot.service.port.ChannelPayments;
import io.gridbot.service.port.ChannelRefunds;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * WeChat Pay (API v3, JSAPI): the payment page, the payment and refund notify endpoints, the
 * reconciliation job and the job that sends staff refunds and follows them, all only when {@code
 * gridbot.wechat.pay.enabled}; nothing is created otherwise.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WeChatPaySettings.class)
public class WeChatPayConfiguration {

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(prefix = "gridbot.wechat.pay", name = "enabled", havingValue = "true")
  @EnableScheduling
  static class Enabled {

    @Bean
    PayHost weChatPayHost(WeChatPaySettings settings, WeChatAccounts accounts) {
      if (accounts.account(settings.appId()).isEmpty()) {
        throw new IllegalStateException(
            "gridbot.wechat.pay.app-id "
                + settings.appId()
                + " is not one of gridbot.wechat.accounts");
      }
      return new PayHost(settings);
    }

    @Bean
    PayNotifications weChatPayNotifications(
        WeChatPaySettings settings, PayHost host, ChannelPayments payments) {
      return new PayNotifications(settings, host, payments, Clock.systemUTC());
    }

    @Bean
    PayRefundNotifications weChatPayRefundNotifications(
        WeChatPaySettings settings, PayHost host, ChannelRefunds refunds) {
      return new PayRefundNotifications(settings, host, refunds, Clock.systemUTC());
    }

    @Bean
    PaymentPage weChatPaymentPage(
        WeChatPaySettings settings,
        PayHost host,
        WeChatAccounts accounts,
        ChannelPayments payments) {
      return new PaymentPage(settings, host, accounts, payments, Clock.systemUTC());
    }

    @Bean
    PayReconciliation weChatPayReconciliation(
        WeChatPaySettings settings, PayHost host, ChannelPayments payments, LockStore locks) {
      return new PayReconciliation(settings, host, payments, locks, Clock.systemUTC());
    }

    @Bean
    PayRefunds weChatPayRefunds(
        WeChatPaySettings settings, PayHost host, ChannelRefunds refunds, LockStore locks) {
      return new PayRefunds(settings, host, refunds, locks, Clock.systemUTC());
    }
  }
}
