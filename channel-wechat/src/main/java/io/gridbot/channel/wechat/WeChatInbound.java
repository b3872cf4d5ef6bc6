package io.gridbot.channel.wechat;

import io.gridbot.channel.wechat.CustomerServiceMessages.Trigger;
import io.gridbot.channel.wechat.menu.WeChatMenu;
import io.gridbot.dialog.MessageProcessor;
import io.gridbot.dialog.channel.Location;
import io.gridbot.dialog.channel.Reply;
import io.gridbot.dialog.channel.UserMessage;
import io.gridbot.dialog.store.StateStore;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.port.ChannelUsers;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What each WeChat message type and event does: texts, voice (its recognition), locations and
 * images go to the dialog engine; follows, unfollows, menu clicks, scans, reported locations and
 * template delivery reports are handled here.
 */
@Component
class WeChatInbound {

  static final String WELCOME =
      "您好，欢迎关注！我是电力智能客服，可以帮您：\n"
          + "· 交电费、查余额和账单\n"
          + "· 停电报修、查询停电\n"
          + "· 预约上门、办理新装增容\n"
          + "· 订阅欠费、停电提醒\n"
          + "先发送“绑定户号”关联您的电力户号，查询和缴费会更方便。有问题随时打字问我，也可以说“人工客服”。";
  static final String VOICE_UNHEARD = "抱歉，没听清您的语音，请直接打字告诉我，比如“查电费”或“停电报修”。";
  static final String UNSUPPORTED = "抱歉，这类消息我还看不懂。您可以发文字或语音，报修时可以发送位置和照片。";

  /** Words by which a text refers to where the user is ("我这停电了"). */
  private static final Pattern HERE = Pattern.compile("这里|这边|我这|当前位置|我的位置|附近|我家这");

  private static final Logger log = LoggerFactory.getLogger(WeChatInbound.class);

  private final MessageProcessor processor;
  private final ChannelUsers users;
  private final StateStore state;
  private final CustomerServiceMessages customerService;
  private final WeChatSettings settings;
  private final WeChatMenu menu;

  WeChatInbound(
      MessageProcessor processor,
      ChannelUsers users,
      StateStore state,
      CustomerServiceMessages customerService,
      WeChatSettings settings,
      WeChatMenu menu) {
    this.processor = processor;
    this.users = users;
    this.state = state;
    this.customerService = customerService;
    this.settings = settings;
    this.menu = menu;
  }

  /** The key that identifies the message across WeChat's retries. */
  static String dedupeKey(String appId, WxMpXmlMessage in) {
    if (in.getMsgId() != null) {
      return appId + ":" + in.getMsgId();
    }
    return appId + ":" + in.getFromUser() + ":" + in.getCreateTime() + ":" + in.getEvent();
  }

  /** Handles one message; returns the replies (empty when there is nothing to say). */
  List<Reply> handle(WeChatUser user, WxMpXmlMessage in) {
    String type = in.getMsgType().toLowerCase(Locale.ROOT);
    switch (type) {
      case "text":
        customerService.opened(user, Trigger.MESSAGE);
        return engine(user, in, in.getContent(), hereIfMentioned(user, in.getContent()), List.of());
      case "voice":
        customerService.opened(user, Trigger.MESSAGE);
        if (in.getRecognition() == null || in.getRecognition().isBlank()) {
          return List.of(Reply.text(VOICE_UNHEARD));
        }
        return engine(
            user, in, in.getRecognition(), hereIfMentioned(user, in.getRecognition()), List.of());
      case "location":
        customerService.opened(user, Trigger.MESSAGE);
        return engine(user, in, "", location(in), List.of());
      case "image":
        customerService.opened(user, Trigger.MESSAGE);
        if (in.getMediaId() == null || in.getMediaId().isBlank()) {
          throw new MalformedMessage("an image message without MediaId");
        }
        return engine(user, in, "", null, List.of("wechat-media:" + in.getMediaId()));
      case "link":
      case "video":
      case "shortvideo":
      case "file":
        customerService.opened(user, Trigger.MESSAGE);
        return List.of(Reply.text(UNSUPPORTED));
      case "event":
        return event(user, in);
      default:
        log.info("{} message from {} ignored", type, user.conversation());
        return List.of(Reply.text(UNSUPPORTED));
    }
  }

  private List<Reply> event(WeChatUser user, WxMpXmlMessage in) {
    String event = in.getEvent() == null ? "" : in.getEvent().toLowerCase(Locale.ROOT);
    ChannelUser channelUser = new ChannelUser(WeChatUser.CHANNEL, user.senderId());
    switch (event) {
      case "subscribe":
        customerService.opened(user, Trigger.EVENT);
        users.followed(channelUser, scene(in.getEventKey()));
        return List.of(Reply.text(settings.welcome()));
      case "unsubscribe":
        users.unfollowed(channelUser);
        return List.of();
      case "click":
        customerService.opened(user, Trigger.EVENT);
        return clicked(user, in, in.getEventKey());
      case "scan":
        customerService.opened(user, Trigger.EVENT);
        return clicked(user, in, in.getEventKey());
      case "location":
        Location at = reported(in);
        if (at != null) {
          state.put(locationKey(user), at.coordinates(), settings.locationTtl());
        }
        return List.of();
      case "templatesendjobfinish":
        Object id = in.getAllFieldsMap().getOrDefault("MsgID", in.getMsgId());
        users.deliveryReported(channelUser, String.valueOf(id), String.valueOf(in.getStatus()));
        return List.of();
      case "view":
      default:
        return List.of();
    }
  }

  /** A menu click or a scanned code: its configured text goes to the engine. */
  private List<Reply> clicked(WeChatUser user, WxMpXmlMessage in, String key) {
    Optional<String> text =
        Optional.ofNullable(key).flatMap(k -> menu.textFor(k.replaceFirst("^qrscene_", "")));
    if (text.isEmpty()) {
      log.info("menu or scene key {} of {} has no text configured", key, user.conversation());
      return List.of();
    }
    return engine(user, in, text.get(), null, List.of());
  }

  private List<Reply> engine(
      WeChatUser user, WxMpXmlMessage in, String text, Location location, List<String> images) {
    if (text.length() > UserMessage.MAX_TEXT_LENGTH) {
      text = text.substring(0, UserMessage.MAX_TEXT_LENGTH);
    }
    String messageId =
        in.getMsgId() != null ? "wx" + in.getMsgId() : "wxe" + in.getCreateTime() + in.getEvent();
    UserMessage message =
        new UserMessage(user.conversation(), messageId, text.strip(), sentAt(in), location, images);
    return processor.process(message).replies();
  }

  /** The location the user reported recently, when the text refers to where they are. */
  private Location hereIfMentioned(WeChatUser user, String text) {
    if (text == null || !HERE.matcher(text).find()) {
      return null;
    }
    return state.get(locationKey(user)).flatMap(c -> Location.parse(c, null)).orElse(null);
  }

  private static Location location(WxMpXmlMessage in) {
    if (in.getLocationX() == null || in.getLocationY() == null) {
      throw new MalformedMessage("a location message without Location_X/Location_Y");
    }
    try {
      return new Location(in.getLocationX(), in.getLocationY(), in.getLabel());
    } catch (IllegalArgumentException e) {
      throw new MalformedMessage("a location out of range");
    }
  }

  private static Location reported(WxMpXmlMessage in) {
    if (in.getLatitude() == null || in.getLongitude() == null) {
      return null;
    }
    try {
      return new Location(in.getLatitude(), in.getLongitude(), null);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String scene(String eventKey) {
    if (eventKey == null || eventKey.isBlank()) {
      return null;
    }
    return eventKey.startsWith("qrscene_") ? eventKey : null;
  }

  private static Instant sentAt(WxMpXmlMessage in) {
    return in.getCreateTime() == null ? Instant.now() : Instant.ofEpochSecond(in.getCreateTime());
  }

  private static String locationKey(WeChatUser user) {
    return "wechat:location:" + user.senderId();
  }

  /** A message missing what its type needs. */
  static final class MalformedMessage extends RuntimeException {
    MalformedMessage(String message) {
      super(message);
    }
  }
}
