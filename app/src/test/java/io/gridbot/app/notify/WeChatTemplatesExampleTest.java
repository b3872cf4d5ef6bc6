package io.gridbot.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.channel.wechat.WeChatSettings;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The WeChat template mapping of the prod profile binds as written, ids from the environment. */
class WeChatTemplatesExampleTest {

  private static Map<String, WeChatSettings.Template> templates(Map<String, Object> env)
      throws IOException {
    MutablePropertySources sources = new MutablePropertySources();
    sources.addFirst(new MapPropertySource("env", env));
    List<PropertySource<?>> yaml =
        new YamlPropertySourceLoader().load("prod", new ClassPathResource("application-prod.yml"));
    yaml.forEach(sources::addLast);
    Binder binder =
        new Binder(
            ConfigurationPropertySources.from(sources),
            new PropertySourcesPlaceholdersResolver(sources));
    return binder
        .bind(
            "gridbot.wechat.templates", Bindable.mapOf(String.class, WeChatSettings.Template.class))
        .get();
  }

  @Test
  void everyNoticeKindHasATemplateWhoseIdComesFromTheEnvironment() throws IOException {
    Map<String, WeChatSettings.Template> templates =
        templates(Map.of("GRIDBOT_WECHAT_TPL_REPAIR", "tpl-repair-id"));

    assertThat(templates)
        .containsOnlyKeys(
            "monthly_bill",
            "low_balance",
            "arrears",
            "outage",
            "progress-ticket",
            "progress-booking",
            "progress-application",
            "payment",
            "payment-payment-refund");
    WeChatSettings.Template repair = templates.get("progress-ticket");
    assertThat(repair.templateId()).isEqualTo("tpl-repair-id");
    assertThat(repair.fields())
        .containsEntry("character_string1", "ticketNo")
        .containsEntry("time3", "expectedRestoration");
    // unset in the environment: blank, so those notices go out as customer-service text
    assertThat(templates.get("payment").templateId()).isEmpty();
    assertThat(templates.get("progress-booking").fields()).containsEntry("time3", "{date} {start}");
    assertThat(templates.get("payment-payment-refund").templateId()).isEqualTo("none");
  }
}
