package io.gridbot.channel.wechat.menu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gridbot.channel.wechat.WeChatSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeChatMenuTest {

  private static WeChatMenu parse(String json) {
    return WeChatMenu.parse(json, "test", Map.of());
  }

  private static InvalidMenu invalid(String json) {
    return catchThrowableOfType(InvalidMenu.class, () -> parse(json));
  }

  @Test
  void theShippedMenuIsValidAndMapsItsClickKeysToText() {
    WeChatMenu menu =
        WeChatMenuConfiguration.load(new WeChatMenuSettings(null), WeChatSettings.defaults());

    assertThat(menu.buttons()).extracting(MenuButton::name).containsExactly("交电费", "查询", "服务");
    assertThat(menu.textFor("PAY_BILL")).contains("交电费");
    assertThat(menu.textFor("BALANCE")).contains("查余额");
    assertThat(menu.textFor("OUTAGE")).contains("停电查询");
    assertThat(menu.textFor("HUMAN")).contains("人工客服");
    assertThat(menu.textFor("NO_SUCH_KEY")).isEmpty();
    assertThat(menu.textFor(null)).isEmpty();
    assertThat(menu.texts())
        .containsOnlyKeys("PAY_BILL", "BALANCE", "BILL", "OUTAGE", "REPORT_FAULT", "BOOK", "HUMAN");
  }

  @Test
  void aButtonsOwnTextAndConfiguredKeysWinOverItsName() {
    String json =
        """
        {"button":[{"type":"click","name":"报修","key":"REPORT_FAULT","text":"我要报修"},
                   {"type":"click","name":"客服","key":"HUMAN"}]}
        """;

    WeChatMenu menu = WeChatMenu.parse(json, "test", Map.of("HUMAN", "转人工"));

    assertThat(menu.textFor("REPORT_FAULT")).contains("我要报修");
    assertThat(menu.textFor("HUMAN")).contains("转人工");
  }

  @Test
  void moreThanThreeTopButtonsOrFiveSubButtonsAreRefused() {
    String click = "{\"type\":\"click\",\"name\":\"a\",\"key\":\"K%d\"}";
    StringBuilder four = new StringBuilder("{\"button\":[");
    for (int i = 0; i < 4; i++) {
      four.append(i == 0 ? "" : ",").append(click.formatted(i));
    }
    assertThat(invalid(four + "]}").problems())
        .containsExactly("\"button\" must list 1 to 3 top buttons");

    StringBuilder six = new StringBuilder("{\"button\":[{\"name\":\"查询\",\"sub_button\":[");
    for (int i = 0; i < 6; i++) {
      six.append(i == 0 ? "" : ",").append(click.formatted(i));
    }
    assertThat(invalid(six + "]}]}").problems())
        .containsExactly("button[0]: at most 5 sub-buttons");
    assertThat(invalid("{\"button\":[]}")).isNotNull();
  }

  @Test
  void namesLongerThanWeChatShowsAreRefused() {
    InvalidMenu e =
        invalid(
            """
            {"button":[{"type":"click","name":"交电费交电费","key":"A"},
                       {"name":"查询","sub_button":[{"type":"click","name":"一二三四五六七八九","key":"B"}]},
                       {"type":"click","name":"ABCDEFGH","key":"C"}]}
            """);

    assertThat(e.problems())
        .containsExactly(
            "button[0]: name '交电费交电费' is too long (at most 4 Chinese or 8 Latin characters)",
            "button[1].sub_button[0]: name '一二三四五六七八九' is too long (at most 8 Chinese or 16 Latin characters)");
  }

  @Test
  void everyTypeNeedsWhatItUses() {
    InvalidMenu e =
        invalid(
            """
            {"button":[
              {"name":"甲","sub_button":[
                {"type":"click","name":"无键"},
                {"type":"view","name":"无链接"},
                {"type":"view","name":"坏链接","url":"javascript:alert(1)"},
                {"type":"miniprogram","name":"小程序","url":"https://a.example.com/"},
                {"type":"teleport","name":"未知"}]},
              {"name":"乙","sub_button":[
                {"type":"click","name":"一","key":"DUP"},
                {"type":"location_select","name":"二","key":"DUP"},
                {"type":"media_id","name":"三"}]},
              {"name":"丙","type":"click","key":"X","sub_button":[{"type":"click","name":"四","key":"Y"}]}]}
            """);

    assertThat(e.problems())
        .containsExactly(
            "button[0].sub_button[0]: key is required for click",
            "button[0].sub_button[1]: url is required",
            "button[0].sub_button[2]: url must be http(s)",
            "button[0].sub_button[3]: appid and pagepath are required for miniprogram",
            "button[0].sub_button[4]: unknown type teleport",
            "button[1].sub_button[1]: key DUP is used twice",
            "button[1].sub_button[2]: media_id is required for media_id",
            "button[2]: a button with sub-buttons has no type");
  }

  @Test
  void aButtonWithoutTypeOrNameAndTextThatIsNotJsonAreRefused() {
    assertThat(invalid("{\"button\":[{\"name\":\"空\"}]}").problems())
        .containsExactly("button[0]: type is required (or sub_button)");
    assertThat(invalid("{\"button\":[{\"type\":\"click\",\"key\":\"K\"}]}").problems())
        .containsExactly("button[0]: name is required");
    assertThatThrownBy(() -> parse("{\"button\":["))
        .isInstanceOf(InvalidMenu.class)
        .hasMessageContaining("not JSON");
  }
}
