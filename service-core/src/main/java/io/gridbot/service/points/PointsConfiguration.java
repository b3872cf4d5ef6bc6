package io.gridbot.service.points;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link PointsSettings}; the points services are found by component scanning. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PointsSettings.class)
class PointsConfiguration {}
