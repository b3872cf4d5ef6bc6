package io.gridbot.intents.nlu;

import io.gridbot.dialog.nlu.EntityExtractor;
import io.gridbot.dialog.nlu.RegexEntityExtractor;
import java.util.List;
import java.util.regex.Pattern;

/** Entity patterns of the electricity domain. */
public final class DomainEntities {

  /** A customer number (户号): 10 or 13 digits not part of a longer number. */
  public static final String ACCOUNT_NO = "account_no";

  private static final Pattern ACCOUNT_NO_PATTERN =
      Pattern.compile("(?<![0-9])(?<value>[0-9]{13}|[0-9]{10})(?![0-9])");

  private DomainEntities() {}

  public static List<EntityExtractor> extractors() {
    return List.of(new RegexEntityExtractor(ACCOUNT_NO, ACCOUNT_NO_PATTERN));
  }
}
