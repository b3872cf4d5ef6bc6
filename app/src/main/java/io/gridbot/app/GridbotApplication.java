package io.gridbot.app;

import io.gridbot.app.staff.StaffUserCommand;
import io.gridbot.channel.alipay.AlipayChannelConfiguration;
import io.gridbot.channel.web.WebChannelConfiguration;
import io.gridbot.channel.wechat.WeChatChannelConfiguration;
import io.gridbot.channel.wechat.menu.WeChatMenuCommand;
import io.gridbot.intents.AssistantConfiguration;
import io.gridbot.intents.nlu.training.NluEvaluationCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The gridbot server: every channel, the assistant and the business in one deployable. */
@SpringBootApplication
@Import({
  AssistantConfiguration.class,
  WebChannelConfiguration.class,
  WeChatChannelConfiguration.class,
  AlipayChannelConfiguration.class
})
public class GridbotApplication {

  /**
   * Starts the server; {@code nlu-eval [file.tsv]} instead runs the NLU evaluation and exits, and
   * {@code wechat-menu check|publish} checks or publishes the WeChat custom menu and exits, and
   * {@code staff-user add|password|roles|disable|enable|list} manages the staff accounts of the
   * database and exits.
   */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("nlu-eval")) {
      System.exit(
          NluEvaluationCommand.run(
              Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
    }
    if (args.length > 0 && args[0].equals("wechat-menu")) {
      System.exit(
          WeChatMenuCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
    }
    if (args.length > 0 && args[0].equals("staff-user")) {
      System.exit(
          StaffUserCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
    }
    SpringApplication app = new SpringApplication(GridbotApplication.class);
    app.addListeners(new ProductionPreflight());
    app.run(args);
  }
}
