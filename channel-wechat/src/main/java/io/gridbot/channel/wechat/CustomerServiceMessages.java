package io.gridbot.channel.wechat;

import io.gridbot.dialog.store.StateStore;
import java.time.Duration;
import java.util.List;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Customer-service (客服) messages within WeChat's rules: a user's message opens a 48-hour window for
 * 5 messages, a menu click, follow or scan a 1-minute window for 3. Sends outside the window or
 * over the quota are refused here without calling WeChat; WeChat's own refusals (45015 outside the
 * window, 45047 quota used up) close the window and are recorded, never retried.
 */
@Component
class CustomerServiceMessages {

  /** What opened the window. */
  enum Trigger {
    MESSAGE(Duration.ofHours(48), 5),
    EVENT(Duration.ofMinutes(1), 3);

    final Duration window;
    final int quota;

    Trigger(Duration window, int quota) {
      this.window = window;
      this.quota = quota;
    }
  }

  /** Why a send did not happen; {@code null} fields on success. */
  record Result(boolean sent, String refusal) {
    static final Result SENT = new Result(true, null);

    static Result refused(String why) {
      return new Result(false, why);
    }
  }

  private static final Logger log = LoggerFactory.getLogger(CustomerServiceMessages.class);

  private final WeChatAccounts accounts;
  private final StateStore state;

  CustomerServiceMessages(WeChatAccounts accounts, StateStore state) {
    this.accounts = accounts;
    this.state = state;
  }

  /** Opens (or renews) the user's window after something they did. */
  void opened(WeChatUser user, Trigger trigger) {
    if (trigger == Trigger.EVENT
        && state.get(windowKey(user)).map("MESSAGE"::equals).orElse(false)) {
      return; // a message's longer window is already open
    }
    state.put(windowKey(user), trigger.name(), trigger.window);
    state.delete(usedKey(user));
  }

  /**
   * Sends the texts in order, as far as the window and quota allow.
   *
   * @return the outcome of the last send attempted; a refusal stops the rest
   */
  Result send(WeChatUser user, List<String> texts) {
    Result result = Result.SENT;
    for (String text : texts) {
      result = sendOne(user, text);
      if (!result.sent()) {
        break;
      }
    }
    return result;
  }

  private Result sendOne(WeChatUser user, String text) {
    String windowKey = windowKey(user);
    var window = state.get(windowKey);
    if (window.isEmpty()) {
      return record(user, "45015 outside the 48-hour window (not sent)");
    }
    Trigger trigger = Trigger.valueOf(window.get());
    Duration left = state.ttl(windowKey).orElse(trigger.window);
    if (state.increment(usedKey(user), left.isZero() ? trigger.window : left) > trigger.quota) {
      return record(user, "45047 quota of " + trigger.quota + " used up (not sent)");
    }
    try {
      accounts
          .service(user.appId())
          .getKefuService()
          .sendKefuMessage(WxMpKefuMessage.TEXT().toUser(user.openId()).content(text).build());
      return Result.SENT;
    } catch (WxErrorException e) {
      int code = e.getError().getErrorCode();
      if (code == 45015 || code == 45047) {
        state.delete(windowKey);
      }
      return record(user, code + " " + e.getError().getErrorMsg());
    } catch (RuntimeException e) {
      return record(user, "error " + e.getClass().getSimpleName());
    }
  }

  private static Result record(WeChatUser user, String why) {
    log.warn("customer-service message to {} not sent: {}", user.conversation(), why);
    return Result.refused(why);
  }

  private static String windowKey(WeChatUser user) {
    return "wechat:cs:window:" + user.senderId();
  }

  private static String usedKey(WeChatUser user) {
    return "wechat:cs:used:" + user.senderId();
  }
}
