package io.gridbot.channel.web;

import io.gridbot.dialog.ConversationId;
import io.gridbot.dialog.MessageProcessor;
import io.gridbot.dialog.channel.Reply;
import io.gridbot.dialog.channel.UserMessage;
import java.time.Clock;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The web robot chat: one message in, the assistant's replies out. */
@RestController
class RobotController {

  static final String CHANNEL = "web";

  private final MessageProcessor processor;
  private final PhotoStore photos;
  private final AgentDesk desk;
  private final Clock clock;

  RobotController(MessageProcessor processor, PhotoStore photos, AgentDesk desk) {
    this.processor = processor;
    this.photos = photos;
    this.desk = desk;
    this.clock = Clock.systemUTC();
  }

  @PostMapping(path = "/api/robot/messages", produces = MediaType.APPLICATION_JSON_VALUE)
  RobotResponse message(@RequestBody RobotRequest request) {
    request.validate();
    for (String image : request.photos()) {
      if (!photos.exists(image)) {
        throw new InvalidRobotRequest("images", "must be references of uploaded photos");
      }
    }
    UserMessage message =
        new UserMessage(
            new ConversationId(CHANNEL, request.sessionId()),
            request.messageId(),
            request.text() == null ? "" : request.text().strip(),
            clock.instant(),
            request.place(),
            request.photos());
    List<Reply> replies = processor.handle(message);
    return new RobotResponse(
        request.sessionId(),
        replies.stream().map(ReplyView::of).toList(),
        desk.status(request.sessionId()));
  }
}
