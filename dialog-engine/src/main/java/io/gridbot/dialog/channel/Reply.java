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
  @JsonSubTypes.Type(value = Reply.Options.class, name = "options")
})
public sealed interface Reply {

  /** The reply as plain text, for channels without rich replies. */
  String asText();

  static Reply text(String text) {
    return new Text(text);
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
}
