package io.gridbot.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WeChatCryptoTest {

  // WeChat's official encryption sample (also WxJava's WxCryptUtilTest)
  static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
  static final String APP_ID = "wxb11529c136998cb6";
  static final String CIPHER =
      "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==";

  @Test
  void decrypts_the_official_sample() {
    WeChatCrypto.Plain plain = WeChatCrypto.decrypt(KEY, CIPHER);

    assertThat(plain.xml()).isEqualTo("我是中文abcd123");
    assertThat(plain.appId()).isEqualTo(APP_ID);
  }

  @Test
  void encrypts_the_official_sample() {
    assertThat(WeChatCrypto.encrypt(KEY, APP_ID, "aaaabbbbccccdddd", "我是中文abcd123"))
        .isEqualTo(CIPHER);
  }

  @Test
  void refuses_what_does_not_decrypt() {
    assertThatThrownBy(() -> WeChatCrypto.decrypt(KEY, "not base64 !!"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WeChatCrypto.decrypt(KEY, "AAAA"))
        .isInstanceOf(IllegalArgumentException.class);
    String other = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefg";
    assertThatThrownBy(() -> WeChatCrypto.decrypt(other, CIPHER))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void signatures_sort_their_parts_and_compare_case_insensitively() {
    // sha1("1409659813" + "263014780" + "pamtest") as WeChat computes it
    String sig = WeChatCrypto.signature("pamtest", "1409659813", "263014780");

    assertThat(sig)
        .hasSize(40)
        .isEqualTo(WeChatCrypto.signature("263014780", "pamtest", "1409659813"));
    assertThat(WeChatCrypto.verify(sig.toUpperCase(), "pamtest", "1409659813", "263014780"))
        .isTrue();
    assertThat(WeChatCrypto.verify(sig, "pamtest", "1409659814", "263014780")).isFalse();
    assertThat(WeChatCrypto.verify(null, "pamtest")).isFalse();
    assertThat(WeChatCrypto.signature("b", "a")).isEqualTo(sha1Hex("ab"));
  }

  private static String sha1Hex(String s) {
    return org.apache.commons.codec.digest.DigestUtils.sha1Hex(s);
  }
}
