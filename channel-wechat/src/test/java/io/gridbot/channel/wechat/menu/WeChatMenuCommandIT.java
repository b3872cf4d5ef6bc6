package io.gridbot.channel.wechat.menu;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wechat-menu check|publish} in its own small Spring context, WeChat on WireMock. */
class WeChatMenuCommandIT {

  private static final String APP_ID = "wx3333333333333333";

  @TempDir Path dir;
  private WireMockServer wechat;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void start() {
    wechat = new WireMockServer(options().dynamicPort());
    wechat.start();
    wechat.stubFor(
        get(urlPathEqualTo("/cgi-bin/token"))
            .willReturn(okJson("{\"access_token\":\"TOKEN-CLI\",\"expires_in\":7200}")));
    wechat.stubFor(
        post(urlPathEqualTo("/cgi-bin/menu/create"))
            .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
  }

  @AfterEach
  void stop() {
    wechat.stop();
  }

  private int run(String... args) {
    return WeChatMenuCommand.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String[] account() {
    return new String[] {
      "--gridbot.wechat.accounts[0].app-id=" + APP_ID,
      "--gridbot.wechat.accounts[0].secret=cli-secret",
      "--gridbot.wechat.accounts[0].token=cli-token",
      "--gridbot.wechat.api-base-url=" + wechat.baseUrl()
    };
  }

  @Test
  void publishSendsTheMenuFileToEveryAccount() throws Exception {
    Path file = dir.resolve("menu.json");
    Files.writeString(
        file, "{\"button\":[{\"type\":\"click\",\"name\":\"交电费\",\"key\":\"PAY_BILL\"}]}");
    String[] account = account();

    int code =
        run(
            "publish",
            account[0],
            account[1],
            account[2],
            account[3],
            "--gridbot.wechat.menu.file=" + file);

    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains(APP_ID + ": published");
    wechat.verify(
        postRequestedFor(urlPathEqualTo("/cgi-bin/menu/create"))
            .withRequestBody(
                equalToJson(
                    "{\"button\":[{\"type\":\"click\",\"name\":\"交电费\",\"key\":\"PAY_BILL\"}]}")));
  }

  @Test
  void checkPrintsTheShippedMenusKeysWithoutCallingWeChat() {
    int code = run("check");

    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("PAY_BILL -> 交电费", "HUMAN -> 人工客服");
    assertThat(wechat.getAllServeEvents()).isEmpty();
  }

  @Test
  void anInvalidMenuIsRefusedBeforeAnyCall() throws Exception {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "{\"button\":[{\"type\":\"click\",\"name\":\"交电费\"}]}");
    String[] account = account();

    int code =
        run(
            "publish",
            account[0],
            account[1],
            account[2],
            account[3],
            "--gridbot.wechat.menu.file=" + file);

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("key is required for click");
    assertThat(wechat.getAllServeEvents()).isEmpty();
  }

  @Test
  void anUnknownSubcommandIsAUsageError() {
    assertThat(run("delete")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: wechat-menu");
  }
}
