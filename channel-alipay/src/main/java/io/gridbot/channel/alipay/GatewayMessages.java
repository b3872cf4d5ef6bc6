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
 * Handles service window messages after the gateway acknowledged them: a redelivery (same message
 * id, or same sender, time and event) is dropped; text goes to the dialog engine, a menu click as
 * the text configured for its key; follow and unfollow are recorded; the replies go out through the
 * custom-send API on a small pool of threads.
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
   * Takes a verified message for handling.
   *
   * @return false when it was a redelivery and is dropped
   * @throws ChannelBusy when no worker can take it (the message is not remembered, so Alipay's
   *     redelivery is handled)
   */
  boolean accept(GatewayMessage message) {
    String key = "alipay:gateway:" + settings.appId() + ":" + message.dedupeKey();
    if (!state.putIfAbsent(key, "1", settings.dedupeTtl())) {
      log.info("alipay gateway: redelivered message {} dropped", message.engineMessageId());
      return false;
    }
    try {
      workers.execute(() -> handle(message));
      return true;
    } catch (RejectedExecutionException e) {
      state.delete(key);
      throw new ChannelBusy();
    }
  }

  void handle(GatewayMessage message) {
    ConversationId conversation = new ConversationId(AlipayOutbound.CHANNEL, message.fromUserId());
    try {
      switch (message.msgType()) {
        case "text" -> converse(conversation, message, message.text());
        case "event" -> event(conversation, message);
        default -> messenger.send(message.fromUserId(), List.of(Reply.text(NOT_TEXT)));
      }
    } catch (RuntimeException e) {
      log.error(
          "alipay message {} of {} ({}/{}) failed",
          message.engineMessageId(),
          conversation,
          message.msgType(),
          message.eventType(),
          e);
    }
  }

  private void event(ConversationId conversation, GatewayMessage message) {
    ChannelUser user = new ChannelUser(AlipayOutbound.CHANNEL, message.fromUserId());
    String type = message.eventType() == null ? "" : message.eventType();
    switch (type) {
      case "follow" -> {
        String scene = message.actionParam();
        users.followed(user, scene != null && SCENE.matcher(scene).matches() ? scene : null);
        log.info("alipay follow by {}", conversation);
        if (settings.welcome() != null) {
          messenger.send(message.fromUserId(), List.of(Reply.text(settings.welcome())));
        }
      }
      case "unfollow" -> {
        users.unfollowed(user);
        log.info("alipay unfollow by {}", conversation);
      }
      case "click" -> {
        String text =
            message.actionParam() == null ? null : settings.menu().get(message.actionParam());
        if (text == null) {
          log.warn(
              "alipay menu click with unknown key {} from {}", message.actionParam(), conversation);
          return;
        }
        converse(conversation, message, text);
      }
      case "enter" -> log.debug("alipay enter by {}", conversation);
      default -> log.info("alipay event {} from {} ignored", type, conversation);
    }
  }

  private void converse(ConversationId conversation, GatewayMessage message, String text) {
    if (text == null) {
      text = "";
    }
    if (text.length() > UserMessage.MAX_TEXT_LENGTH) {
      messenger.send(message.fromUserId(), List.of(Reply.text(TOO_LONG)));
      return;
    }
    List<Reply> replies =
        processor.handle(
            new UserMessage(
                conversation, message.engineMessageId(), text.strip(), message.createdAt()));
    if (!replies.isEmpty()) {
      messenger.send(message.fromUserId(), replies);
    }
  }

  @PreDestroy
  void stop() throws InterruptedException {
    workers.shutdown();
    workers.awaitTermination(10, TimeUnit.SECONDS);
  }

  /** No worker is free: the gateway answers 503 so that Alipay delivers again. */
  static final class ChannelBusy extends RuntimeException {
    ChannelBusy() {
      super("alipay reply workers are all busy");
    }
  }
}
