package io.gridbot.service.account;

import java.util.regex.Pattern;

/**
 * A user as one channel knows them: a WeChat openid, an Alipay user id, a web visitor id.
 *
 * @param channel lowercase ASCII letters, 2 to 16 of them ({@code wechat}, {@code alipay}, {@code
 *     web})
 * @param userId the channel's id for the user, 1 to 128 characters and not blank; compared
 *     case-sensitively
 * @throws IllegalArgumentException if either part is null or malformed
 */
public record ChannelUser(String channel, String userId) {

  private static final Pattern CHANNEL = Pattern.compile("[a-z]{2,16}");

  public ChannelUser {
    if (channel == null || !CHANNEL.matcher(channel).matches()) {
      throw new IllegalArgumentException(
          "channel must be 2 to 16 lowercase ASCII letters, got " + channel);
    }
    if (userId == null || userId.isBlank() || userId.length() > 128) {
      throw new IllegalArgumentException(
          "user id must be 1 to 128 characters and not blank, got "
              + (userId == null ? "null" : userId.length() + " characters"));
    }
  }
}
