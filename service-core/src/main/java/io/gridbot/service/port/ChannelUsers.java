package io.gridbot.service.port;

import io.gridbot.service.account.ChannelUser;

/**
 * What the channels tell the business about their users' relation to the utility's account: a
 * follow (with the campaign or QR scene it came from) and an unfollow, which stops every push to
 * that user while their bindings' history is kept.
 */
public interface ChannelUsers {

  /**
   * Records a follow.
   *
   * @param scene the QR code scene or campaign the follow came from, 1 to 64 characters; null when
   *     none
   */
  void followed(ChannelUser user, String scene);

  /** Records an unfollow and stops all notices to the user, including those on by default. */
  void unfollowed(ChannelUser user);

  /**
   * Records what the platform reported about a message it was given to deliver (a WeChat template
   * message's {@code TEMPLATESENDJOBFINISH}).
   *
   * @param platformMessageId the id the platform returned when the message was sent
   * @param status the platform's status, e.g. {@code success}, {@code failed:user block}
   */
  void deliveryReported(ChannelUser user, String platformMessageId, String status);
}
