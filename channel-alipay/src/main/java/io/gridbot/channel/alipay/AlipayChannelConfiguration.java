package io.gridbot.channel.alipay;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The Alipay channel: the service window gateway, async replies, outbound and notice delivery,
 * payments and their reconciliation, auto-debit. Everything is off unless {@code
 * gridbot.alipay.app-id} is set (see {@link AlipayConfigured}), so the embedded default starts
 * without Alipay.
 */
@Configuration(proxyBeanMethods = false)
@Import(AlipayChannelConfiguration.Enabled.class)
public class AlipayChannelConfiguration {

  /** The beans of a configured channel. */
  @Configuration(proxyBeanMethods = false)
  @Conditional(AlipayConfigured.class)
  @org.springframework.boot.context.properties.EnableConfigurationProperties({
    AlipaySettings.class,
    AlipayAutoDebitSettings.class
  })
  @org.springframework.scheduling.annotation.EnableScheduling
  @ComponentScan(
      basePackageClasses = AlipayChannelConfiguration.class,
      excludeFilters = @ComponentScan.Filter(Configuration.class))
  static class Enabled {}
}
