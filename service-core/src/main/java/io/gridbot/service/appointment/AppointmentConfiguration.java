package io.gridbot.service.appointment;

import org.apache.ibatis.type.TypeHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds {@link AppointmentProperties} and registers the booking number's MyBatis type handler. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AppointmentProperties.class)
class AppointmentConfiguration {

  @Bean
  TypeHandler<BookingNo> bookingNoTypeHandler() {
    return new BookingNoTypeHandler();
  }
}
