package io.gridbot.channel.alipay;

import com.alipay.api.domain.AlipayOpenPublicMessageCustomSendModel;
import com.alipay.api.domain.Article;
import com.alipay.api.domain.Text;
import io.gridbot.dialog.channel.Reply;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Sends replies to a service window follower with {@code alipay.open.public.message.custom.send}:
 * text as text, numbered options as text, a link, a card with a page or an image as an image-text
 * message (one article), anything else as its text form.
 */
@Component
class AlipayMessenger {

  /** Alipay's limit on a text message's content. */
  static final int MAX_TEXT = 2000;

  private final AlipayApi api;

  AlipayMessenger(AlipayApi api) {
    this.api = api;
  }

  /**
   * Sends the replies in order.
   *
   * @throws AlipayCallFailed at the first reply Alipay does not take; the later ones are not sent
   */
  void send(String userId, List<Reply> replies) {
    for (Reply reply : replies) {
      api.customSend(render(userId, reply));
    }
  }

  /** The custom-send message of one reply. */
  static AlipayOpenPublicMessageCustomSendModel render(String userId, Reply reply) {
    if (reply instanceof Reply.Link link) {
      return article(userId, link.title(), link.text(), null, link.url(), link.title());
    }
    if (reply instanceof Reply.Card card && card.url() != null) {
      return article(userId, card.title(), String.join("\n", card.lines()), null, card.url(), "查看");
    }
    if (reply instanceof Reply.Image image && !image.url().startsWith("data:")) {
      return article(userId, image.alt(), image.alt(), image.url(), image.url(), "查看");
    }
    return text(userId, reply.asText());
  }

  static AlipayOpenPublicMessageCustomSendModel text(String userId, String content) {
    AlipayOpenPublicMessageCustomSendModel model = base(userId, "text");
    Text text = new Text();
    text.setContent(
        content.length() > MAX_TEXT ? content.substring(0, MAX_TEXT - 1) + "…" : content);
    model.setText(text);
    return model;
  }

  private static AlipayOpenPublicMessageCustomSendModel article(
      String userId, String title, String desc, String imageUrl, String url, String action) {
    AlipayOpenPublicMessageCustomSendModel model = base(userId, "image-text");
    Article article = new Article();
    article.setTitle(title);
    article.setDesc(desc);
    article.setImageUrl(imageUrl);
    article.setUrl(url);
    article.setActionName(action);
    model.setArticles(List.of(article));
    return model;
  }

  private static AlipayOpenPublicMessageCustomSendModel base(String userId, String type) {
    AlipayOpenPublicMessageCustomSendModel model = new AlipayOpenPublicMessageCustomSendModel();
    model.setToUserId(userId);
    model.setMsgType(type);
    return model;
  }
}
