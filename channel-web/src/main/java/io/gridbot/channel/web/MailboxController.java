package io.gridbot.channel.web;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The page polls here for replies sent outside its own messages, e.g. by a human agent. */
@RestController
class MailboxController {

  private final WebMailbox mailbox;

  MailboxController(WebMailbox mailbox) {
    this.mailbox = mailbox;
  }

  /**
   * @param sessionId the chat session, as in {@link RobotRequest}
   * @param last the number to ask after next time (query parameter {@code after}, 0 at first)
   */
  record MailboxResponse(String sessionId, long last, List<ReplyView> replies) {}

  @GetMapping(path = "/api/robot/messages", produces = MediaType.APPLICATION_JSON_VALUE)
  MailboxResponse messages(
      @RequestParam(required = false) String sessionId,
      @RequestParam(defaultValue = "0") long after) {
    RobotRequest.validateSessionId(sessionId);
    if (after < 0) {
      throw new InvalidRobotRequest("after", "must not be negative");
    }
    WebMailbox.Mail mail = mailbox.after(sessionId, after);
    return new MailboxResponse(sessionId, mail.last(), mail.messages());
  }
}
