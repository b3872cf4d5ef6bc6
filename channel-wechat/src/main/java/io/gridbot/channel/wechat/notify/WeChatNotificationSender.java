package io.gridbot.channel.wechat.notify;

import io.gridbot.channel.wechat.WeChatAccounts;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.notification.Notice;
import io.gridbot.service.port.NotificationSender;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateData;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers notices to WeChat users (channel {@code wechat}, user id {@code <appid>:<openid>}).
 *
 * <p>A notice whose kind has a configured template goes out as a template message (see {@link
 * TemplateRendering}); SENT's detail is {@code msgid:<id>}, which WeChat's TEMPLATESENDJOBFINISH
 * event names later. Its {@code client_msg_id} is derived from the notice key, so a retry after a
 * lost answer is not delivered twice. Any other notice goes out as a customer-service text message,
 * which WeChat accepts only within 48 h of the user's last message (45015 otherwise).
 *
 * <p>Outcomes: see {@link WeChatFailures}. When an account's daily template quota is used up
 * (45009), its template messages stop until the next midnight in China: each is answered RETRY at
 * once without calling WeChat, so the dispatcher tries it again later with backoff. A user id
 * without a configured appid is FAILED. Never throws; logs mask the openid and hold no text.
 */
final class WeChatNotificationSender implements NotificationSender {

  static final String CHANNEL = "wechat";

  private static final Logger log = LoggerFactory.getLogger(WeChatNotificationSender.class);
  private static final int MAX_KEFU_BYTES = 2000;

  private final WeChatAccounts accounts;
  private final TemplateRendering templates;
  private final TemplateQuota quota;

  WeChatNotificationSender(
      WeChatAccounts accounts, TemplateRendering templates, TemplateQuota quota) {
    this.accounts = accounts;
    this.templates = templates;
    this.quota = quota;
  }

  @Override
  public String channel() {
    return CHANNEL;
  }

  @Override
  public Delivery send(ChannelUser recipient, Notice notice) {
    Optional<WeChatRecipient> to =
        CHANNEL.equals(recipient.channel())
            ? WeChatRecipient.parse(recipient.userId())
            : Optional.empty();
    if (to.isEmpty()) {
      log.warn("wechat notice {} not sent: the user id is not <appid>:<openid>", notice.key());
      return new Delivery(Outcome.FAILED, "not a WeChat user id <appid>:<openid>");
    }
    WeChatRecipient user = to.get();
    if (accounts.account(user.appId()).isEmpty()) {
      log.warn("wechat notice {} not sent: no account {}", notice.key(), user.appId());
      return new Delivery(Outcome.FAILED, "no WeChat account " + user.appId());
    }
    Optional<TemplateRendering.Rendered> template = templates.render(notice);
    String via = template.isPresent() ? "template" : "kefu";
    Delivery delivery =
        template.isPresent() ? sendTemplate(user, notice, template.get()) : sendKefu(user, notice);
    log.info(
        "wechat notice {} to {} by {}: {} {}",
        notice.key(),
        user,
        via,
        delivery.outcome(),
        delivery.detail());
    return delivery;
  }

  private Delivery sendTemplate(
      WeChatRecipient user, Notice notice, TemplateRendering.Rendered rendered) {
    Optional<Instant> paused = quota.pausedUntil(user.appId());
    if (paused.isPresent()) {
      return new Delivery(
          Outcome.RETRY,
          "daily template quota of " + user.appId() + " used up until " + paused.get());
    }
    WxMpTemplateMessage message =
        WxMpTemplateMessage.builder()
            .toUser(user.openId())
            .templateId(rendered.templateId())
            .url(rendered.url())
            .clientMsgId(clientMsgId(notice.key()))
            .build();
    rendered
        .values()
        .forEach((field, value) -> message.addData(new WxMpTemplateData(field, value)));
    try {
      String msgId = service(user).getTemplateMsgService().sendTemplateMsg(message);
      return new Delivery(Outcome.SENT, "msgid:" + msgId);
    } catch (WxErrorException e) {
      if (WeChatFailures.code(e) == WeChatFailures.DAILY_QUOTA) {
        Instant until = quota.exhausted(user.appId());
        log.warn(
            "daily template quota of {} used up: template messages paused until {}",
            user.appId(),
            until);
        return new Delivery(
            Outcome.RETRY,
            WeChatFailures.detail(
                WeChatFailures.DAILY_QUOTA, "daily template quota, paused until " + until));
      }
      return WeChatFailures.of(e);
    } catch (RuntimeException e) {
      return WeChatFailures.of(e);
    }
  }

  private Delivery sendKefu(WeChatRecipient user, Notice notice) {
    WxMpKefuMessage message =
        WxMpKefuMessage.TEXT().toUser(user.openId()).content(kefuText(notice)).build();
    try {
      service(user).getKefuService().sendKefuMessage(message);
      return new Delivery(Outcome.SENT, "kefu");
    } catch (WxErrorException e) {
      return WeChatFailures.of(e);
    } catch (RuntimeException e) {
      return WeChatFailures.of(e);
    }
  }

  private WxMpService service(WeChatRecipient user) {
    return accounts.service(user.appId());
  }

  /** The notice's text, cut to what a customer-service text message takes. */
  static String kefuText(Notice notice) {
    String text = notice.text().strip();
    if (text.getBytes(StandardCharsets.UTF_8).length <= MAX_KEFU_BYTES) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    int bytes = 3; // the ellipsis
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + size > MAX_KEFU_BYTES) {
        break;
      }
      out.appendCodePoint(cp);
      bytes += size;
      i += Character.charCount(cp);
    }
    return out.append('…').toString();
  }

  /** The same for every send of one notice: WeChat sends a template message once per id. */
  static String clientMsgId(String noticeKey) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(noticeKey.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
