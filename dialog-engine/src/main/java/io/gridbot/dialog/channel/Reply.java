package io.gridbot.dialog.channel;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Objects;

/**
 * What the assistant says back, independent of any channel. Channels render each kind as well as
 * they can; every kind has a plain-text form ({@link #asText()}) for channels that cannot do
 * better.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Reply.Text.class, name = "text"),
  @JsonSubTypes.Type(value = Reply.Options.class, name = "options"),
  @JsonSubTypes.Type(value = Reply.Link.class, name = "link"),
  @JsonSubTypes.Type(value = Reply.Card.class, name = "card"),
  @JsonSubTypes.Type(value = Reply.Image.class, name = "image")
})
public sealed interface Reply {

  /** The reply as plain text, for channels without rich replies. */
  String asText();

  static Reply text(String text) {
    return new Text(text);
  }

  static Reply options(String text, List<String> options) {
    return new Options(text, options);
  }

  /** Plain text. */
  record Text(String text) implements Reply {
    public Text {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public String asText() {
      return text;
    }
  }

  /** A question with numbered options the customer may answer by number or by tapping. */
  record Options(String text, List<String> options) implements Reply {
    public Options {
      Objects.requireNonNull(text, "text");
      options = List.copyOf(options);
      if (options.isEmpty()) {
        throw new IllegalArgumentException("options need at least one option");
      }
    }

    @Override
    public String asText() {
      StringBuilder sb = new StringBuilder(text);
      for (int i = 0; i < options.size(); i++) {
        sb.append('\n').append(i + 1).append(". ").append(options.get(i));
      }
      return sb.toString();
    }
  }

  /**
   * A text with a link to open, e.g. a payment page.
   *
   * @param text what the link is for
   * @param title the link's caption, e.g. {@code 去支付}
   * @param url an absolute http(s) URL
   */
  record Link(String text, String title, String url) implements Reply {
    public Link {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(title, "title");
      requireUrl(url);
    }

    @Override
    public String asText() {
      return text + "\n" + title + "：" + url;
    }
  }

  /**
   * A titled block of lines, optionally opening a page when tapped (a bill, a ticket).
   *
   * @param url an absolute http(s) URL, or null
   */
  record Card(String title, List<String> lines, String url) implements Reply {
    public Card {
      Objects.requireNonNull(title, "title");
      lines = List.copyOf(lines);
      if (url != null) {
        requireUrl(url);
      }
    }

    @Override
    public String asText() {
      StringBuilder sb = new StringBuilder(title);
      for (String line : lines) {
        sb.append('\n').append(line);
      }
      if (url != null) {
        sb.append('\n').append(url);
      }
      return sb.toString();
    }
  }

  /**
   * An image, e.g. a payment QR code.
   *
   * @param url an absolute http(s) URL or a {@code data:image/...} URI
   * @param alt what the image shows, for screen readers and text-only channels
   */
  record Image(String url, String alt) implements Reply {
    public Image {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(alt, "alt");
      if (!url.startsWith("data:image/")) {
        requireUrl(url);
      }
    }

    @Override
    public String asText() {
      return url.startsWith("data:") ? alt : alt + "：" + url;
    }
  }

  private static void requireUrl(String url) {
    Objects.requireNonNull(url, "url");
    if (!(url.startsWith("https://") || url.startsWith("http://")) || url.length() > 2048) {
      throw new IllegalArgumentException("a reply link must be an http(s) URL of at most 2048");
    }
  }
}
