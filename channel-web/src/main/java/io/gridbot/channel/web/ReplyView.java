package io.gridbot.channel.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.gridbot.dialog.channel.Reply;
import java.util.List;

/**
 * A reply as the web page renders it.
 *
 * @param type {@code text}, {@code options}, {@code link}, {@code card}, {@code image}, or {@code
 *     notice} (a notification such as a repair's progress, only ever from the mailbox)
 * @param text the text (options: the question; link: what it is for; image: its description)
 * @param options the numbered options, for {@code options} only
 * @param title the link's caption, the card's or the notice's title
 * @param url the link, the card's page or the image
 * @param lines the card's lines
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ReplyView(
    String type, String text, List<String> options, String title, String url, List<String> lines) {

  static ReplyView notice(String title, String text) {
    return new ReplyView("notice", text, null, title, null, null);
  }

  static ReplyView of(Reply reply) {
    if (reply instanceof Reply.Options o) {
      return new ReplyView("options", o.text(), o.options(), null, null, null);
    }
    if (reply instanceof Reply.Link l) {
      return new ReplyView("link", l.text(), null, l.title(), l.url(), null);
    }
    if (reply instanceof Reply.Card c) {
      return new ReplyView("card", c.asText(), null, c.title(), c.url(), c.lines());
    }
    if (reply instanceof Reply.Image i) {
      return new ReplyView("image", i.alt(), null, null, i.url(), null);
    }
    return new ReplyView("text", reply.asText(), null, null, null, null);
  }
}
