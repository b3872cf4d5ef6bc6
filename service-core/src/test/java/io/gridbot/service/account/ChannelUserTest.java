package io.gridbot.service.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChannelUserTest {

  @ParameterizedTest
  @ValueSource(strings = {"wechat", "alipay", "web", "ab", "abcdefghijklmnop"})
  void accepts_two_to_sixteen_lowercase_letters_as_channel(String channel) {
    assertThat(new ChannelUser(channel, "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o").channel())
        .isEqualTo(channel);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "w", "WeChat", "wechat2", "we-chat", "abcdefghijklmnopq", " web"})
  void rejects_other_channels(String channel) {
    assertThatThrownBy(() -> new ChannelUser(channel, "user-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("channel");
  }

  @Test
  void accepts_user_ids_of_one_to_128_characters() {
    assertThat(new ChannelUser("web", "x").userId()).isEqualTo("x");
    assertThat(new ChannelUser("web", "x".repeat(128)).userId()).hasSize(128);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", " ", "\t\n"})
  void rejects_null_or_blank_user_ids(String userId) {
    assertThatThrownBy(() -> new ChannelUser("wechat", userId))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user id");
  }

  @Test
  void rejects_user_ids_longer_than_128_characters() {
    assertThatThrownBy(() -> new ChannelUser("wechat", "x".repeat(129)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void user_ids_are_case_sensitive() {
    assertThat(new ChannelUser("wechat", "oAbc")).isNotEqualTo(new ChannelUser("wechat", "oabc"));
  }
}
