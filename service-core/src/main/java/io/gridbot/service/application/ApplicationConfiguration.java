package io.gridbot.service.application;

import org.apache.ibatis.type.TypeHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the application number's MyBatis type handler. */
@Configuration(proxyBeanMethods = false)
class ApplicationConfiguration {

  @Bean
  TypeHandler<ApplicationNo> applicationNoTypeHandler() {
    return new ApplicationNoTypeHandler();
  }
}
