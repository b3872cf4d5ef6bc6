package io.gridbot.service.autodebit;

import io.gridbot.service.tag.CustomerTag;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may sign auto-debit, {@code gridbot.auto-debit.*}: an account with {@code tag}, or, when
 * {@code goodStandingSuffices}, any account that owes nothing.
 *
 * @param tag the tag that makes an account eligible; {@link CustomerTag#AUTO_DEBIT_ELIGIBLE} by
 *     default
 * @param goodStandingSuffices whether an account without arrears is eligible without the tag; true
 *     by default
 */
@ConfigurationProperties("gridbot.auto-debit")
public record AutoDebitSettings(CustomerTag tag, Boolean goodStandingSuffices) {

  public AutoDebitSettings {
    tag = tag == null ? CustomerTag.AUTO_DEBIT_ELIGIBLE : tag;
    goodStandingSuffices = goodStandingSuffices == null || goodStandingSuffices;
  }

  /** The defaults. */
  public static AutoDebitSettings defaults() {
    return new AutoDebitSettings(null, null);
  }
}
