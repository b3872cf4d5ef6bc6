package io.gridbot.service.repair;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link RepairProperties}; found by the component scan of service-core. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RepairProperties.class)
class RepairConfiguration {}
