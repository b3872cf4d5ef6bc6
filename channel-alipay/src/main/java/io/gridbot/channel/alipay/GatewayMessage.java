package io.gridbot.channel.alipay;

import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One service window message ({@code alipay.mobile.public.message.notify}) as its biz_content
 * carries it.
 *
 * @param fromUserId the follower's Alipay user id
 * @param msgType {@code text}, {@code event}, {@code image} …
 * @param eventType for events: {@code follow}, {@code unfollow}, {@code click}, {@code enter}
 * @param actionParam the clicked menu key, or a follow's scene; may be null
 * @param text a text message's content, or null
 * @param msgId Alipay's message id, or null (events have none)
 */
record GatewayMessage(
    String fromUserId,
    Instant createdAt,
    String msgType,
    String eventType,
    String actionParam,
    String text,
    String msgId,
    String createTime) {

  private static final Pattern USER_ID = Pattern.compile("[\\x21-\\x7e]{1,128}");

  /**
   * @throws InvalidAlipayRequest when a required field is missing or malformed
   */
  static GatewayMessage of(Map<String, String> biz) {
    String from = biz.get("FromUserId");
    if (from == null || !USER_ID.matcher(from).matches()) {
      throw new InvalidAlipayRequest("FromUserId is missing or malformed");
    }
    String type = biz.get("MsgType");
    if (type == null || type.isBlank()) {
      throw new InvalidAlipayRequest("MsgType is missing");
    }
    String createTime = biz.getOrDefault("CreateTime", "");
    Instant created;
    try {
      created = Instant.ofEpochMilli(Long.parseLong(createTime));
    } catch (NumberFormatException e) {
      throw new InvalidAlipayRequest("CreateTime is missing or not milliseconds");
    }
    String msgId = blankToNull(biz.get("MsgId"));
    if (msgId != null && (msgId.length() > 100 || !USER_ID.matcher(msgId).matches())) {
      throw new InvalidAlipayRequest("MsgId is malformed");
    }
    return new GatewayMessage(
        from,
        created,
        type,
        blankToNull(biz.get("EventType")),
        blankToNull(biz.get("ActionParam")),
        biz.containsKey("Text") ? biz.get("Text") : biz.get("Content"),
        msgId,
        createTime);
  }

  /** Identifies the message across redeliveries. */
  String dedupeKey() {
    return msgId != null
        ? fromUserId + ":" + msgId
        : fromUserId + ":" + createTime + ":" + msgType + ":" + eventType;
  }

  /** The message id given to the dialog engine. */
  String engineMessageId() {
    return msgId != null ? msgId : "ev-" + createTime;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
