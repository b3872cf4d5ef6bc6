package io.gridbot.channel.wechat;

import io.gridbot.dialog.ConversationId;

/**
 * A follower of one official account. Conversations and channel users name them {@code
 * <appid>:<openid>}, so that replies and notices know which account to send from.
 */
record WeChatUser(String appId, String openId) {

  static final String CHANNEL = "wechat";

  WeChatUser {
    if (appId == null || appId.isBlank() || appId.contains(":")) {
      throw new IllegalArgumentException("bad appid");
    }
    if (openId == null || !openId.matches("[A-Za-z0-9_-]{6,64}")) {
      throw new IllegalArgumentException("an openid is 6-64 letters, digits, - or _");
    }
  }

  /** The user named by a conversation's or channel user's sender id. */
  static WeChatUser parse(String senderId) {
    int colon = senderId == null ? -1 : senderId.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("not a WeChat user id: expected <appid>:<openid>");
    }
    return new WeChatUser(senderId.substring(0, colon), senderId.substring(colon + 1));
  }

  String senderId() {
    return appId + ":" + openId;
  }

  ConversationId conversation() {
    return new ConversationId(CHANNEL, senderId());
  }
}
