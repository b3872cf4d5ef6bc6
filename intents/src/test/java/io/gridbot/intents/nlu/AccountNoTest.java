package io.gridbot.intents.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gridbot.dialog.nlu.Entity;
import io.gridbot.dialog.nlu.EntityExtractor;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AccountNoTest {

  private static final Instant AT = OffsetDateTime.parse("2026-11-27T10:00+08:00").toInstant();

  private final EntityExtractor accounts = DomainEntities.accountNumbers();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          户号3300000001                  | 3300000001           | 3300000001
          3300000001                      | 3300000001           | 3300000001
          户口号：3300000001               | 3300000001           | 3300000001
          用户编号3302158890                | 3302158890           | 3302158890
          客户编号 3302158890               | 3302158890           | 3302158890
          我的户号是3302158890              | 3302158890           | 3302158890
          绑定户号3300000001谢谢            | 3300000001           | 3300000001
          户号1234567890123                | 1234567890123        | 1234567890123
          1234567890123                   | 1234567890123        | 1234567890123
          户号３３０２１５８８９０            | ３３０２１５８８９０     | 3302158890
          戶號3302158890                   | 3302158890           | 3302158890
          户号3302158890，交100元           | 3302158890           | 3302158890
          3300000001 100元                | 3300000001           | 3300000001
          交100元到3300000001              | 3300000001           | 3300000001
          户号 3300 0000 01                | 3300 0000 01         | 3300000001
          户号3300-0000-01                 | 3300-0000-01         | 3300000001
          3300 0000 0000 1                | 3300 0000 0000 1     | 3300000000001
          户号3300　0000　01                | 3300　0000　01        | 3300000001
          户号8613812345678                | 8613812345678        | 8613812345678
          account 3302158890 please       | 3302158890           | 3302158890
          查3302158890的余额                | 3302158890           | 3302158890
          """)
  void findsTheDigitsAndTheirSpan(String text, String span, String digits) {
    assertThat(accounts.extract(text, AT))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.name()).isEqualTo(DomainEntities.ACCOUNT_NO);
              assertThat(e.value()).isEqualTo(digits);
              assertThat(e.text()).isEqualTo(span);
              assertThat(e.start()).isEqualTo(text.indexOf(span));
              assertThat(e.end()).isEqualTo(text.indexOf(span) + span.length());
            });
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "13812345678",
        "我的手机13812345678",
        "138-1234-5678",
        "138 1234 5678",
        "330102199001011234",
        "33010219900101123X",
        "3300000001元",
        "交3300000001 元",
        "￥3300000001",
        "¥3300000001",
        "3300000001.50",
        "12345678901",
        "123456789",
        "12345678901234",
        "手机号3300000001",
        "电话：3300000001",
        "订单号3300000001",
        "身份证号1234567890123",
        "申请号3302158890现在啥状态",
        "+8613812345678",
        "8613812345678",
        "SN3300000001",
        "3300000001kwh",
        "用了3300000001度",
        "400-800-1234",
        "0571-88888888",
        "3300 0000 0001",
        "1 3300 0000 01",
        "2026-11-27 10:00",
        "交100元",
        ""
      })
  void otherNumbersAreNoAccount(String text) {
    assertThat(accounts.extract(text, AT)).isEmpty();
  }

  @Test
  void everyAccountInAMessageIsFound() {
    List<Entity> found = accounts.extract("3300000001和1234567890123都是我的", AT);

    assertThat(found)
        .extracting(Entity::value, Entity::start, Entity::end)
        .containsExactly(tuple("3300000001", 0, 10), tuple("1234567890123", 11, 24));
  }

  @Test
  void valuesAreWellFormedAccountNumbers() {
    List<Entity> found = accounts.extract("户号 3300-0000-0000-1 和 ３３０２１５８８９０", AT);

    assertThat(found)
        .extracting(Entity::value)
        .allSatisfy(v -> assertThat(v).matches("[0-9]{10}|[0-9]{13}"))
        .containsExactly("3300000000001", "3302158890");
  }
}
