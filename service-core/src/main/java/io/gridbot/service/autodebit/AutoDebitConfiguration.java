package io.gridbot.service.autodebit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link AutoDebitSettings}; the service is found by component scanning. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AutoDebitSettings.class)
class AutoDebitConfiguration {}
