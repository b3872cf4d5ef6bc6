package io.gridbot.intents.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gridbot.dialog.nlu.Entity;
import io.gridbot.dialog.nlu.EntityExtractor;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NoticeTypeTest {

  private static final Instant AT = OffsetDateTime.parse("2026-11-27T10:00+08:00").toInstant();

  private final EntityExtractor noticeTypes = DomainEntities.noticeTypes();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          欠费提醒                         | 欠费提醒          | arrears
          欠费通知                         | 欠费通知          | arrears
          催费                            | 催费             | arrears
          欠费了告诉我                      | 欠费了告诉我       | arrears
          欠費提醒                         | 欠費提醒          | arrears
          欠费时发微信通知我                 | 欠费时发微信通知我   | arrears
          缴费提醒打开                      | 缴费提醒          | arrears
          余额不足                         | 余额不足          | low_balance
          余额提醒                         | 余额提醒          | low_balance
          余额低                          | 余额低            | low_balance
          余额快没了                        | 余额快没了         | low_balance
          余额不足的时候提醒我                | 余额不足          | low_balance
          余额低于50元提醒我                 | 余额低于          | low_balance
          餘額不夠                         | 餘額不夠          | low_balance
          停电通知                         | 停电通知          | outage
          停电提醒                         | 停电提醒          | outage
          计划停电通知                      | 计划停电通知       | outage
          停电信息                         | 停电信息          | outage
          別再給我發停電通知了                | 停電通知          | outage
          别再给我发停电通知了                | 停电通知          | outage
          停电前短信通知我                   | 停电前短信通知我    | outage
          来电了通知我                      | 来电了通知我       | outage
          检修停电通知                      | 检修停电通知       | outage
          账单                            | 账单             | monthly_bill
          月度账单                         | 月度账单          | monthly_bill
          电费账单                         | 电费账单          | monthly_bill
          每月账单推送给我                   | 每月账单          | monthly_bill
          电费单                          | 电费单            | monthly_bill
          電費帳單                         | 電費帳單          | monthly_bill
          上个月账单                        | 上个月账单         | monthly_bill
          出账了提醒我                      | 出账了提醒我       | monthly_bill
          """)
  void findsTheNoticeTypeAndItsSpan(String text, String span, String value) {
    assertThat(noticeTypes.extract(text, AT))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.name()).isEqualTo(DomainEntities.NOTICE_TYPE);
              assertThat(e.value()).isEqualTo(value);
              assertThat(NoticeType.fromValue(e.value())).isPresent();
              assertThat(e.text()).isEqualTo(span);
              assertThat(e.start()).isEqualTo(text.indexOf(span));
              assertThat(e.end()).isEqualTo(text.indexOf(span) + span.length());
            });
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "家里停电了",
        "停电了吗",
        "停电",
        "我欠费了吗",
        "欠费多少",
        "余额还剩多少",
        "查余额",
        "电费单价是多少",
        "电费单独算吗",
        "电费单据",
        "明天计划停电吗",
        "计划停电几点开始",
        "今天天气怎么样",
        ""
      })
  void mentionsThatNameNoAlertAreNoNoticeType(String text) {
    assertThat(noticeTypes.extract(text, AT)).isEmpty();
  }

  @Test
  void severalAlertsInOneMessageAreAllFound() {
    assertThat(noticeTypes.extract("余额不足和停电通知都要，账单就不用了", AT))
        .extracting(Entity::value, Entity::text)
        .containsExactly(
            tuple("low_balance", "余额不足"), tuple("outage", "停电通知"), tuple("monthly_bill", "账单"));
  }

  @Test
  void valuesMapBackToTheirType() {
    assertThat(NoticeType.fromValue("low_balance")).contains(NoticeType.LOW_BALANCE);
    assertThat(NoticeType.fromValue("LOW_BALANCE")).isEmpty();
    assertThat(NoticeType.fromValue(null)).isEmpty();
    assertThat(NoticeType.entityValues())
        .containsExactlyInAnyOrder("arrears", "low_balance", "outage", "monthly_bill");
  }
}
