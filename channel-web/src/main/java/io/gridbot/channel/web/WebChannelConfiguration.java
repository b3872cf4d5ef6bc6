package io.gridbot.channel.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The web robot chat channel: its page, controllers, error mapping, body limit, photo uploads, the
 * mailbox with its live stream, and the notices it delivers.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@EnableConfigurationProperties(WebSettings.class)
public class WebChannelConfiguration {}
