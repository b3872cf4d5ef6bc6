package io.gridbot.channel.wechat.menu;

import io.gridbot.channel.wechat.WeChatAccounts;
import io.gridbot.channel.wechat.WeChatSettings;
import io.gridbot.dialog.store.StateConfiguration;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * {@code wechat-menu check|publish [--spring.profiles.active=prod ...]}: checks the configured menu
 * and prints its click keys, or publishes it to every configured account. Starts only the WeChat
 * accounts and the shared state store (so the access tokens are the server's own), reading the same
 * configuration as the server.
 */
public final class WeChatMenuCommand {

  private WeChatMenuCommand() {}

  /**
   * Runs the command.
   *
   * @return 0 when done (every account took the menu), 1 when an account refused it or none is
   *     configured, 2 for a usage error or a menu that breaks WeChat's rules
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || !List.of("check", "publish").contains(args[0])) {
      err.println(
          "usage: wechat-menu check|publish [--spring.profiles.active=...] [--gridbot.wechat.menu.file=...]");
      return 2;
    }
    String[] springArgs = Arrays.copyOfRange(args, 1, args.length);
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(CommandContext.class)
            .web(WebApplicationType.NONE)
            .bannerMode(Banner.Mode.OFF)
            .logStartupInfo(false)
            .run(springArgs)) {
      WeChatMenu menu = context.getBean(WeChatMenu.class);
      if (args[0].equals("check")) {
        out.println("menu OK; click keys:");
        menu.texts().forEach((key, text) -> out.println("  " + key + " -> " + text));
        return 0;
      }
      List<WeChatMenuPublisher.Published> results =
          context.getBean(WeChatMenuPublisher.class).publishAll();
      if (results.isEmpty()) {
        err.println("no WeChat account configured (gridbot.wechat.accounts)");
        return 1;
      }
      results.forEach(
          r -> out.println(r.appId() + ": " + (r.ok() ? "published" : "failed " + r.error())));
      return results.stream().allMatch(WeChatMenuPublisher.Published::ok) ? 0 : 1;
    } catch (RuntimeException e) {
      InvalidMenu invalid = find(e);
      if (invalid != null) {
        err.println(invalid.getMessage());
        return 2;
      }
      throw e;
    }
  }

  private static InvalidMenu find(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof InvalidMenu invalid) {
        return invalid;
      }
    }
    return null;
  }

  /** Only what publishing needs: no web server, database, engine or jobs. */
  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(WeChatSettings.class)
  @Import({StateConfiguration.class, WeChatAccounts.class, WeChatMenuConfiguration.class})
  static class CommandContext {}
}
