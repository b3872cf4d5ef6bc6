package io.gridbot.channel.wechat;

import io.gridbot.dialog.channel.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * The assistant's replies as WeChat text: options numbered, links and cards as tappable {@code <a>}
 * links. Several replies of one turn become one message (a passive reply can carry only one); a
 * text longer than WeChat's limit is cut into several at line breaks.
 */
final class WeChatReplies {

  /** Characters per message; WeChat takes 2048 bytes, Chinese text is 3 bytes a character. */
  static final int MAX_CHARS = 600;

  private WeChatReplies() {}

  /** The messages that carry the replies, at most {@link #MAX_CHARS} each; empty for none. */
  static List<String> texts(List<Reply> replies) {
    StringBuilder all = new StringBuilder();
    for (Reply reply : replies) {
      if (all.length() > 0) {
        all.append("\n\n");
      }
      all.append(text(reply));
    }
    return split(all.toString());
  }

  static String text(Reply reply) {
    if (reply instanceof Reply.Link link) {
      return link.text() + "\n" + anchor(link.url(), link.title());
    }
    if (reply instanceof Reply.Card card) {
      StringBuilder sb = new StringBuilder(card.title());
      card.lines().forEach(line -> sb.append('\n').append(line));
      if (card.url() != null) {
        sb.append('\n').append(anchor(card.url(), "查看详情"));
      }
      return sb.toString();
    }
    if (reply instanceof Reply.Image image) {
      return image.url().startsWith("data:")
          ? image.alt()
          : image.alt() + "\n" + anchor(image.url(), "查看图片");
    }
    return reply.asText();
  }

  private static String anchor(String url, String title) {
    return "<a href=\"" + url.replace("\"", "%22") + "\">" + title + "</a>";
  }

  private static List<String> split(String text) {
    List<String> parts = new ArrayList<>();
    String rest = text.strip();
    while (rest.length() > MAX_CHARS) {
      int cut = rest.lastIndexOf('\n', MAX_CHARS);
      if (cut < MAX_CHARS / 2) {
        cut = MAX_CHARS;
      }
      int open = rest.lastIndexOf("<a ", cut);
      if (open > 0 && rest.indexOf("</a>", open) + 4 > cut) {
        cut = open; // never cut a link in two
      }
      parts.add(rest.substring(0, cut).strip());
      rest = rest.substring(cut).strip();
    }
    if (!rest.isEmpty()) {
      parts.add(rest);
    }
    return parts;
  }
}
