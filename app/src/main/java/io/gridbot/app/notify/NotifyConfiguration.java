package io.gridbot.app.notify;

import io.gridbot.service.port.NotificationSender;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.web.client.RestClient;

/**
 * The SMS and e-mail {@link NotificationSender}s from {@link NotifySettings}, each only when
 * enabled; the notification dispatcher picks them up by channel ({@code sms}, {@code email}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotifySettings.class)
class NotifyConfiguration {

  @Bean
  @ConditionalOnProperty(name = "gridbot.notify.sms.enabled", havingValue = "true")
  NotificationSender smsNotificationSender(
      NotifySettings settings,
      ObjectProvider<RestClient.Builder> restClients,
      ObjectProvider<Clock> clock) {
    return new SmsNotificationSender(
        settings.sms(),
        restClients.getIfAvailable(RestClient::builder),
        clock.getIfUnique(Clock::systemUTC));
  }

  @Bean
  @ConditionalOnProperty(name = "gridbot.notify.email.enabled", havingValue = "true")
  NotificationSender emailNotificationSender(
      NotifySettings settings, ObjectProvider<JavaMailSender> mail, ObjectProvider<Clock> clock) {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      throw new IllegalStateException(
          "gridbot.notify.email.enabled=true needs an SMTP server: set spring.mail.host");
    }
    return new EmailNotificationSender(
        sender, settings.email(), clock.getIfUnique(Clock::systemUTC));
  }
}
