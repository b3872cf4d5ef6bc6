package io.gridbot.channel.web;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Test slice root for the channel's web tests. */
@SpringBootApplication
class WebTestApplication {}
