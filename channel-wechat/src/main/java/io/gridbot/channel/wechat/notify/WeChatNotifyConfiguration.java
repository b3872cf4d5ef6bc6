package io.gridbot.channel.wechat.notify;

import io.gridbot.channel.wechat.WeChatAccounts;
import io.gridbot.channel.wechat.WeChatSettings;
import io.gridbot.dialog.store.StateStore;
import io.gridbot.service.port.NotificationSender;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The WeChat {@link NotificationSender}, picked up by the notification dispatcher by channel. */
@Configuration(proxyBeanMethods = false)
class WeChatNotifyConfiguration {

  @Bean
  NotificationSender wechatNotificationSender(
      WeChatAccounts accounts,
      WeChatSettings settings,
      StateStore state,
      ObjectProvider<Clock> clock) {
    return new WeChatNotificationSender(
        accounts,
        new TemplateRendering(settings.templates()),
        new TemplateQuota(state, clock.getIfUnique(Clock::systemUTC)));
  }
}
