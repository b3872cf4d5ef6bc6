package io.gridbot.channel.wechat.menu;

import io.gridbot.channel.wechat.WeChatAccounts;
import io.gridbot.channel.wechat.WeChatSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The custom menu, read and checked once at start (a bad menu stops the start, naming what is
 * wrong), and its publisher.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WeChatMenuSettings.class)
class WeChatMenuConfiguration {

  static final String DEFAULT_RESOURCE = "wechat-menu.json";

  @Bean
  WeChatMenu weChatMenu(WeChatMenuSettings menu, WeChatSettings settings) {
    return load(menu, settings);
  }

  @Bean
  WeChatMenuPublisher weChatMenuPublisher(WeChatAccounts accounts, WeChatMenu menu) {
    return new WeChatMenuPublisher(accounts, menu);
  }

  static WeChatMenu load(WeChatMenuSettings menu, WeChatSettings settings) {
    String source = menu.file() == null ? "classpath:" + DEFAULT_RESOURCE : menu.file();
    String json;
    try {
      json = menu.file() == null ? classpath() : Files.readString(Path.of(menu.file()));
    } catch (IOException e) {
      throw new IllegalStateException(
          "gridbot.wechat.menu.file " + source + " cannot be read: " + e.getMessage(), e);
    }
    return WeChatMenu.parse(json, source, settings.menuKeys());
  }

  private static String classpath() throws IOException {
    try (InputStream in =
        WeChatMenuConfiguration.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IOException("no " + DEFAULT_RESOURCE + " on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
