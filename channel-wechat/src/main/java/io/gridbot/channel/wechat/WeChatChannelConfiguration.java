package io.gridbot.channel.wechat;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The WeChat official account channel: webhook, replies, customer-service and template messages,
 * WeChat Pay.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@EnableConfigurationProperties(WeChatSettings.class)
public class WeChatChannelConfiguration {}
