package io.gridbot.channel.wechat.pay;

/**
 * A WeChat Pay notification that was not accepted: nothing was confirmed, and the answer (status
 * {@link #status()}, {@code {"code":"FAIL","message":...}}) makes WeChat Pay deliver it again.
 */
final class NotifyRefused extends RuntimeException {

  private final int status;

  NotifyRefused(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }
}
