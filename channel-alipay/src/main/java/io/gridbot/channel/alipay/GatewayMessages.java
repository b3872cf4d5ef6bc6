package io.gridbot.channel.alipay;

import io.gridbot.dialog.ConversationId;
import io.gridbot.dialog.MessageProcessor;
import io.gridbot.dialog.channel.Reply;
import io.gridbot.dialog.channel.UserMessage;
import io.gridbot.dialog.store.StateStore;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.port.ChannelUsers;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Handles service window messages before the gateway acknowledges them, so that an acknowledged
 * message has been handled: a redelivery (same message id, or same sender, time and event) is
 * dropped; text goes to the dialog engine, a menu click as the text configured for its key; follow
 * and unfollow are recorded. Only the replies go out later, through the custom-send API on a small
 * pool of threads. When handling fails the message is forgotten and the gateway answers with an
 * error, so that Alipay delivers it again.
 */
@Component
class GatewayMessages {

  static final String TOO_LONG = "您的消息太长了，请分几次发送。";
  static final String NOT_TEXT = "目前只能看懂文字消息，请用文字告诉我您要办理的业务。";
  private static final Pattern SCENE = Pattern.compile("[A-Za-z0-9_\\-.:]{1,64}");
  private static final Logger log = LoggerFactory.getLogger(GatewayMessages.class);

  private final AlipaySettings settings;
  private final StateStore state;
  private final MessageProcessor processor;
  private final ChannelUsers users;
  private final AlipayMessenger messenger;
  private final ThreadPoolExecutor workers;

  GatewayMessages(
      AlipaySettings settings,
      StateStore state,
      MessageProcessor processor,
      ChannelUsers users,
      AlipayMessenger messenger) {
    this.settings = settings;
    this.state = state;
    this.processor = processor;
    this.users = users;
    this.messenger = messenger;
    AtomicInteger n = new AtomicInteger();
    this.workers =
        new ThreadPoolExecutor(
            settings.replyWorkers(),
            settings.replyWorkers(),
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1000),
            r -> {
              Thread t = new Thread(r, "alipay-reply-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Handles a verified message and queues its replies.
   *
   * @return false when it was a redelivery and is dropped
   * @throws HandlingFailed when handling failed (the message is forgotten, so that Alipay's
   *     redelivery is handled)
   */
  boolean accept(GatewayMessage message) {
    String key = "alipay:gateway:" + settings.appId() + ":" + message.dedupeKey();
    if (!state.putIfAbsent(key, "1", settings.dedupeTtl())) {
      log.info("alipay gateway: redelivered message {} dropped", message.engineMessageId());
      return false;
    }
    ConversationId conversation = new ConversationId(AlipayOutbound.CHANNEL, message.fromUserId());
    List<Reply> replies;
    try {
      replies = handle(conversation, message);
    } catch (RuntimeException e) {
      forget(key);
      log.error(
          "alipay message {} of {} ({}/{}) failed; Alipay will deliver it again",
          message.engineMessageId(),
          conversation,
          message.msgType(),
          message.eventType(),
          e);
      throw new HandlingFailed(e);
    }
    if (!replies.isEmpty()) {
      try {
        workers.execute(() -> send(conversation, message, replies));
      } catch (RejectedExecutionException e) {
        // handled and recorded; only the reply is lost, and the conversation log has it
        log.error("alipay reply to {} dropped: every reply worker is busy", conversation);
      }
    }
    return true;
  }

  private void send(ConversationId conversation, GatewayMessage message, List<Reply> replies) {
    try {
      messenger.send(message.fromUserId(), replies);
    } catch (RuntimeException e) {
      log.error("alipay reply to {} not sent", conversation, e);
    }
  }

  private List<Reply> handle(ConversationId conversation, GatewayMessage message) {
    return switch (message.msgType()) {
      case "text" -> converse(conversation, message, message.text());
      case "event" -> event(conversation, message);
      default -> List.of(Reply.text(NOT_TEXT));
    };
  }

  private List<Reply> event(ConversationId conversation, GatewayMessage message) {
    ChannelUser user = new ChannelUser(AlipayOutbound.CHANNEL, message.fromUserId());
    String type = message.eventType() == null ? "" : message.eventType();
    switch (type) {
      case "follow":
        String scene = message.actionParam();
        users.followed(user, scene != null && SCENE.matcher(scene).matches() ? scene : null);
        log.info("alipay follow by {}", conversation);
        return settings.welcome() == null ? List.of() : List.of(Reply.text(settings.welcome()));
      case "unfollow":
        users.unfollowed(user);
        log.info("alipay unfollow by {}", conversation);
        return List.of();
      case "click":
        String text =
            message.actionParam() == null ? null : settings.menu().get(message.actionParam());
        if (text == null) {
          log.warn(
              "alipay menu click with unknown key {} from {}", message.actionParam(), conversation);
          return List.of();
        }
        return converse(conversation, message, text);
      case "enter":
        log.debug("alipay enter by {}", conversation);
        return List.of();
      default:
        log.info("alipay event {} from {} ignored", type, conversation);
        return List.of();
    }
  }

  private List<Reply> converse(ConversationId conversation, GatewayMessage message, String text) {
    if (text == null) {
      text = "";
    }
    if (text.length() > UserMessage.MAX_TEXT_LENGTH) {
      return List.of(Reply.text(TOO_LONG));
    }
    return processor.handle(
        new UserMessage(
            conversation, message.engineMessageId(), text.strip(), message.createdAt()));
  }

  private void forget(String key) {
    try {
      state.delete(key);
    } catch (RuntimeException e) {
      log.warn("could not forget alipay message {}: its redelivery will be dropped", key, e);
    }
  }

  @PreDestroy
  void stop() throws InterruptedException {
    workers.shutdown();
    workers.awaitTermination(10, TimeUnit.SECONDS);
  }

  /** Handling failed (database or state store down): the gateway answers 503, Alipay redelivers. */
  static final class HandlingFailed extends RuntimeException {
    HandlingFailed(Throwable cause) {
      super("alipay message not handled: " + cause.getClass().getSimpleName(), cause);
    }
  }
}
