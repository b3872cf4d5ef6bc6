package io.gridbot.channel.web;

import java.util.List;

/** The assistant's answer to one web chat message. */
record RobotResponse(String sessionId, List<ReplyView> replies) {}
