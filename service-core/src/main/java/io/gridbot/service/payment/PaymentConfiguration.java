package io.gridbot.service.payment;

import java.security.SecureRandom;
import java.time.Clock;
import org.apache.ibatis.type.TypeHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The payment area's settings, id generator and MyBatis type handler. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentSettings.class)
class PaymentConfiguration {

  @Bean
  TradeNumbers tradeNumbers(PaymentSettings settings) {
    return new TradeNumbers(Clock.systemUTC(), settings.businessZone(), new SecureRandom());
  }

  @Bean
  TypeHandler<OutTradeNo> outTradeNoTypeHandler() {
    return new OutTradeNoTypeHandler();
  }
}
