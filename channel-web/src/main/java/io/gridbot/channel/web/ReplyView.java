package io.gridbot.channel.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.gridbot.dialog.channel.Reply;
import java.util.List;

/**
 * A reply as the web page renders it.
 *
 * @param type {@code text} or {@code options}
 * @param text the text (for options: the question)
 * @param options the numbered options, for {@code options} only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ReplyView(String type, String text, List<String> options) {

  static ReplyView of(Reply reply) {
    if (reply instanceof Reply.Options o) {
      return new ReplyView("options", o.text(), o.options());
    }
    return new ReplyView("text", reply.asText(), null);
  }
}
