package io.gridbot.channel.web;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** The web robot chat channel: its controller, error mapping and body limit. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class WebChannelConfiguration {}
