package io.gridbot.app.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NotifySettingsTest {

  private static NotifySettings.Sms sms(boolean enabled, String baseUrl, String secret) {
    return new NotifySettings.Sms(
        enabled, baseUrl, "app", secret, "国网电力", 300, Duration.ofSeconds(2), Duration.ofSeconds(5));
  }

  @Test
  void aDisabledSmsSenderNeedsNothing() {
    NotifySettings.Sms sms = sms(false, "", "");

    assertThat(sms.enabled()).isFalse();
  }

  @Test
  void anEnabledSmsSenderNeedsAUrlAndTheSecretFromTheEnvironment() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> sms(true, "not a url", " "))
        .withMessageContaining("base-url")
        .withMessageContaining("GRIDBOT_SMS_SECRET");
  }

  @Test
  void aSignWithBracketsIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new NotifySettings.Sms(
                    true,
                    "https://sms.example.com",
                    "app",
                    "s3cret",
                    "【国网电力】",
                    300,
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(5)))
        .withMessageContaining("sign");
  }

  @Test
  void theSecretNeverAppearsInToString() {
    NotifySettings settings =
        new NotifySettings(
            sms(true, "https://sms.example.com", "s3cret-value"),
            new NotifySettings.Email(false, ""));

    assertThat(settings.toString()).doesNotContain("s3cret-value").contains("secret=(set)");
  }

  @Test
  void anEnabledEmailSenderNeedsAFromAddress() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new NotifySettings.Email(true, "no address"))
        .withMessageContaining("gridbot.notify.email.from");
    assertThat(new NotifySettings.Email(true, "国网电力 <95598@notice.example.com>").from())
        .isEqualTo("国网电力 <95598@notice.example.com>");
  }
}
