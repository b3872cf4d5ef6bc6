package io.gridbot.service.tag;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link TagSettings}; the tag service is found by component scanning. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TagSettings.class)
class TagConfiguration {}
