package io.gridbot.dialog.channel;

/** No {@link Outbound} delivers to the conversation's channel in this application. */
public class NoOutbound extends RuntimeException {

  private final String channel;

  public NoOutbound(String channel) {
    super("no outbound delivery for channel " + channel);
    this.channel = channel;
  }

  public String channel() {
    return channel;
  }
}
