package io.gridbot.channel.web;

import java.util.List;

/**
 * The assistant's answer to one web chat message.
 *
 * @param handoff where the conversation stands with the human agents after it: {@code NONE}, {@code
 *     QUEUED} or {@code HELD}
 */
record RobotResponse(String sessionId, List<ReplyView> replies, String handoff) {}
