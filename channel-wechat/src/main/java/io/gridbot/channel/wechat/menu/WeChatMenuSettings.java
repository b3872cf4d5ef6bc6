package io.gridbot.channel.wechat.menu;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the custom menu comes from, {@code gridbot.wechat.menu.*}.
 *
 * @param file a JSON file in WeChat's menu format; empty means the {@code wechat-menu.json} shipped
 *     on the classpath
 */
@ConfigurationProperties("gridbot.wechat.menu")
public record WeChatMenuSettings(String file) {

  public WeChatMenuSettings {
    file = file == null || file.isBlank() ? null : file.strip();
  }
}
