package io.gridbot.dialog.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RegexEntityExtractorTest {

  private final RegexEntityExtractor accounts =
      new RegexEntityExtractor(
          "account_no", Pattern.compile("(?<![0-9])(?<value>[0-9]{10})(?![0-9])"));

  @Test
  void findsValueWithSpanInOriginalText() {
    assertThat(accounts.extract("绑定户号3300000001谢谢", Instant.EPOCH))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.value()).isEqualTo("3300000001");
              assertThat(e.start()).isEqualTo(4);
              assertThat(e.end()).isEqualTo(14);
            });
  }

  @Test
  void fullWidthDigitsAreNormalisedButSpanKeepsTheOriginal() {
    assertThat(accounts.extract("户号３３０００００００１", Instant.EPOCH))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.value()).isEqualTo("3300000001");
              assertThat(e.text()).isEqualTo("３３０００００００１");
            });
  }

  @Test
  void longerNumbersAreNotCut() {
    assertThat(accounts.extract("13800000001000", Instant.EPOCH)).isEmpty();
  }
}
