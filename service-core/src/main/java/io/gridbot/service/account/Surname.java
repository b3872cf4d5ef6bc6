package io.gridbot.service.account;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A surname as a customer states it to prove they know the account holder: "张", "姓张", "我姓张", "张先生",
 * "欧阳女士" all read as the surname alone.
 *
 * @param value one or two Chinese characters
 * @throws IllegalArgumentException if the value is not one or two Chinese characters
 */
public record Surname(String value) {

  private static final Pattern HAN = Pattern.compile("\\p{IsHan}{1,2}");
  private static final Pattern PREFIX = Pattern.compile("^(?:户主|我|他|她|本人)?(?:是)?(?:姓)");
  private static final Pattern SUFFIX = Pattern.compile("(?:先生|女士|小姐|阿姨|大爷|大妈|师傅|老师|奶奶|爷爷|家)$");

  public Surname {
    if (value == null || !HAN.matcher(value).matches()) {
      throw new IllegalArgumentException("a surname is one or two Chinese characters");
    }
  }

  /**
   * The surname a customer's answer states, if it states one: prefixes such as 姓/我姓 and polite
   * suffixes such as 先生/女士 are dropped, spaces and punctuation ignored.
   */
  public static Optional<Surname> parse(String answer) {
    if (answer == null) {
      return Optional.empty();
    }
    String t = answer.replaceAll("[\\s\\p{Punct}，。！？、]", "");
    t = PREFIX.matcher(t).replaceFirst("");
    t = SUFFIX.matcher(t).replaceFirst("");
    return HAN.matcher(t).matches() ? Optional.of(new Surname(t)) : Optional.empty();
  }

  /** Whether the account holder's full name begins with this surname. */
  boolean matches(String holderName) {
    Objects.requireNonNull(holderName, "holderName");
    return !holderName.isBlank() && holderName.strip().startsWith(value);
  }

  /** Never the surname itself: it is personal data. */
  @Override
  public String toString() {
    return "Surname[*]";
  }
}
