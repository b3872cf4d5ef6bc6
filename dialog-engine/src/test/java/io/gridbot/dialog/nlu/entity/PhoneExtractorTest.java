package io.gridbot.dialog.nlu.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.tuple;

import io.gridbot.dialog.nlu.Entity;
import io.gridbot.dialog.nlu.IntentRanking;
import io.gridbot.dialog.nlu.NluPipeline;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneExtractorTest {

  private static final Instant AT = OffsetDateTime.parse("2026-11-27T10:00+08:00").toInstant();

  private final PhoneExtractor phones = new PhoneExtractor();

  @ParameterizedTest(name = "{0} -> {1} [{2}]")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          13812345678                  | 13812345678  | 13812345678
          138-1234-5678                | 13812345678  | 138-1234-5678
          138 1234 5678                | 13812345678  | 138 1234 5678
          +86 138 1234 5678            | 13812345678  | +86 138 1234 5678
          +8613812345678               | 13812345678  | +8613812345678
          8613812345678                | 13812345678  | 8613812345678
          86-13812345678               | 13812345678  | 86-13812345678
          0086 13812345678             | 13812345678  | 0086 13812345678
          (+86)13812345678             | 13812345678  | (+86)13812345678
          17012345678                  | 17012345678  | 17012345678
          19912345678                  | 19912345678  | 19912345678
          (0571)88888888               | 057188888888 | (0571)88888888
          （0571）88888888              | 057188888888 | （0571）88888888
          0571-88888888                | 057188888888 | 0571-88888888
          0571 8888 8888               | 057188888888 | 0571 8888 8888
          057188888888                 | 057188888888 | 057188888888
          +86 571 88888888             | 057188888888 | +86 571 88888888
          010-12345678                 | 01012345678  | 010-12345678
          02112345678                  | 02112345678  | 02112345678
          0570-8888888                 | 05708888888  | 0570-8888888
          座机0571 88888888转123        | 057188888888 | 0571 88888888
          １３８１２３４５６７８          | 13812345678  | １３８１２３４５６７８
          １３８－１２３４－５６７８       | 13812345678  | １３８－１２３４－５６７８
          我电话是13812345678你们打给我   | 13812345678  | 13812345678
          手机：13812345678。            | 13812345678  | 13812345678
          电话13812345678，户号3302158890 | 13812345678  | 13812345678
          交100元，联系电话13812345678    | 13812345678  | 13812345678
          tel:13812345678              | 13812345678  | 13812345678
          号码是一三八一二三四五六七八     | 13812345678  | 一三八一二三四五六七八
          幺三八幺二三四五六七八          | 13812345678  | 幺三八幺二三四五六七八
          """)
  void findsPhoneWithItsValueAndSpan(String text, String value, String span) {
    // when
    List<Entity> found = phones.extract(text, AT);

    // then
    int start = text.indexOf(span);
    assertThat(found)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.name()).isEqualTo("phone");
              assertThat(e.value()).isEqualTo(value);
              assertThat(e.text()).isEqualTo(span);
              assertThat(e.start()).isEqualTo(start);
              assertThat(e.end()).isEqualTo(start + span.length());
            });
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "手机尾号1234",
        "尾号5678的手机",
        "138****5678",
        "3300000001",
        "户号3302158890",
        "绑定户号2012345678",
        "5701234567",
        "绑定户号2012345678，交100元",
        "户号5701234567和7551234567",
        "3300000000001",
        "1300000000001",
        "身份证330106199001011234",
        "13812345678910",
        "1381234567",
        "12345678901",
        "100元",
        "交13812345元",
        "2026年10月5日",
        "2026-11-27 10:00",
        "20261127",
        "95598",
        "请拨打95598",
        "400-888-8888",
        "88888888",
        "+1 650 253 0000",
        "一二三四五六七八九十",
      })
  void ignoresWhatIsNoCustomersPhone(String text) {
    assertThat(phones.extract(text, AT)).isEmpty();
  }

  @Test
  void findsEveryPhoneInOrder() {
    // when
    List<Entity> found = phones.extract("13812345678/13912345678，座机0571-88888888", AT);

    // then
    assertThat(found)
        .extracting(Entity::value)
        .containsExactly("13812345678", "13912345678", "057188888888");
    assertThat(found).extracting(Entity::start).containsExactly(0, 12, 26);
  }

  @Test
  void leadingSpacesDoNotShiftTheSpan() {
    // when
    List<Entity> found = phones.extract("\u3000 13812345678 ", AT);

    // then
    assertThat(found)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.start()).isEqualTo(2);
              assertThat(e.end()).isEqualTo(13);
            });
  }

  @Test
  void phoneAndAmountOfOneMessageBothSurviveThePipeline() {
    // given
    NluPipeline pipeline =
        new NluPipeline(
            text -> List.of(new IntentRanking("pay_bill", 1.0)),
            List.of(new AmountExtractor(), new PhoneExtractor()),
            0.5);

    // when
    List<Entity> found = pipeline.extractEntities("交100元，电话138-1234-5678", AT);

    // then
    assertThat(found)
        .extracting(Entity::name, Entity::value, Entity::text)
        .containsExactly(
            tuple("amount", "100.00", "100元"), tuple("phone", "13812345678", "138-1234-5678"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "😀📞13812345678😀",
        "<a href='tel:13812345678'>13812345678</a>",
        "SELECT * FROM phone WHERE no = '13812345678' OR 1=1; --",
        "+++++++++++++++++++++++++(((((((((((((((((((((------------",
        "一二三四五六七八九零一二三四五六七八九零一二三四五六七八九零一二三四五六七八九零",
        "\uD83D",
      })
  void neverThrowsOnOddInput(String text) {
    assertThatCode(() -> phones.find(text)).doesNotThrowAnyException();
  }

  @Test
  void randomInputNeverBreaksTheLogicAndYieldsWellFormedEntities() {
    // given: text built from the characters phone numbers are made of
    String alphabet = "0123456789013813957108+-() 一三八幺，转号";
    Random random = new Random(7);

    for (int i = 0; i < 5_000; i++) {
      StringBuilder sb = new StringBuilder();
      int length = random.nextInt(40);
      for (int j = 0; j < length; j++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = sb.toString();

      // when
      List<Entity> found = phones.find(text);

      // then
      for (Entity e : found) {
        assertThat(e.value()).as(text).matches("1[0-9]{10}|0[0-9]{9,11}");
        assertThat(e.text()).as(text).isEqualTo(text.substring(e.start(), e.end()));
      }
    }
  }

  @Test
  void garbageOfAThousandCharactersYieldsNothing() {
    // given
    String garbage = "#$%^&*()_+{}|:<>?~`-=[]\\;',./".repeat(35).substring(0, 1000);

    // when / then
    assertThat(phones.extract(garbage, AT)).isEmpty();
  }
}
