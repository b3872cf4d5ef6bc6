package io.gridbot.intents.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gridbot.dialog.nlu.Entity;
import io.gridbot.dialog.nlu.EntityExtractor;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class BusinessTypeTest {

  private static final Instant AT = OffsetDateTime.parse("2026-11-27T10:00+08:00").toInstant();

  private final EntityExtractor businessTypes = DomainEntities.businessTypes();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          装表                          | 装表           | METER_INSTALL
          我想装电表                     | 装电表          | METER_INSTALL
          安装电表要多少钱                 | 安装电表         | METER_INSTALL
          新房子要装电表怎么申请            | 装电表          | METER_INSTALL
          新装电表                       | 装电表          | METER_INSTALL
          裝電錶                         | 裝電錶          | METER_INSTALL
          验表                          | 验表           | METER_CHECK
          校表                          | 校表           | METER_CHECK
          申请电表校验                    | 电表校验         | METER_CHECK
          我家电表走得太快了               | 电表走得太快      | METER_CHECK
          预约上门检查电表                 | 上门检查电表      | METER_CHECK
          换表                          | 换表           | METER_REPLACE
          換電錶                         | 換電錶          | METER_REPLACE
          移表                          | 移表           | METER_RELOCATE
          迁表                          | 迁表           | METER_RELOCATE
          增容                          | 增容           | CAPACITY_INCREASE
          扩容                          | 扩容           | CAPACITY_INCREASE
          工厂要加容量                    | 加容量          | CAPACITY_INCREASE
          减容                          | 减容           | CAPACITY_DECREASE
          房子卖了要过户                   | 过户           | TRANSFER
          過戶                          | 過戶           | TRANSFER
          更名                          | 更名           | RENAME
          我想改一下名字                   | 改一下名字        | RENAME
          销户                          | 销户           | CLOSE_ACCOUNT
          改手机号                       | 改手机号         | PHONE_CHANGE
          更换联系电话                    | 更换联系电话      | PHONE_CHANGE
          新装                          | 新装           | NEW_CONNECTION
          报装                          | 报装           | NEW_CONNECTION
          新户开户                       | 新户开户         | NEW_CONNECTION
          充电桩                         | 充电桩          | EV_CHARGER
          充电桩报装                      | 充电桩报装       | EV_CHARGER
          小区里能装充电桩吗               | 装充电桩         | EV_CHARGER
          临时用电                       | 临时用电         | TEMPORARY_SUPPLY
          上门检查                       | 上门检查         | ON_SITE_CHECK
          能不能上门看看                   | 上门看看         | ON_SITE_CHECK
          派人来看                       | 派人来看         | ON_SITE_CHECK
          营业厅办理                      | 营业厅办理       | HALL_VISIT
          我明天去营业厅                   | 去营业厅         | HALL_VISIT
          光伏并网                       | 光伏并网         | SOLAR
          分布式光伏                      | 分布式光伏       | SOLAR
          屋頂光伏                       | 屋頂光伏         | SOLAR
          """)
  void findsTheCodeAndItsSpan(String text, String span, String code) {
    assertThat(businessTypes.extract(text, AT))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.name()).isEqualTo(DomainEntities.BUSINESS_TYPE);
              assertThat(e.value()).isEqualTo(code);
              assertThat(e.text()).isEqualTo(span);
              assertThat(e.start()).isEqualTo(text.indexOf(span));
              assertThat(e.end()).isEqualTo(text.indexOf(span) + span.length());
            });
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "新装修的房子",
        "重新装修一下",
        "他假装表示同意",
        "修改名单",
        "手表不准",
        "学校表彰大会",
        "换表情包",
        "帮我接电话",
        "欢迎光临电力营业厅",
        "营业厅在哪",
        "上门",
        "我家停电了",
        "电费多少",
        "取消用电量提醒",
        "开户行是哪个",
        "充电宝没电了",
        "太阳能热水器",
        ""
      })
  void unrelatedWordsAreNoBusinessType(String text) {
    assertThat(businessTypes.extract(text, AT)).isEmpty();
  }

  @Test
  void everyServiceInAMessageIsFound() {
    assertThat(businessTypes.extract("我要去营业厅办理过户和改手机号", AT))
        .extracting(Entity::value, Entity::text)
        .containsExactly(
            tuple("HALL_VISIT", "去营业厅办理"), tuple("TRANSFER", "过户"), tuple("PHONE_CHANGE", "改手机号"));
  }

  @ParameterizedTest
  @EnumSource(BusinessType.class)
  void everyCodeOfTheCatalogueHasSynonyms(BusinessType type) {
    assertThat(businessTypes.extract(type.label(), AT))
        .extracting(Entity::value)
        .containsExactly(type.name());
  }

  @Test
  void codesAreLookedUpByName() {
    assertThat(BusinessType.fromCode("TRANSFER")).contains(BusinessType.TRANSFER);
    assertThat(BusinessType.fromCode("transfer")).isEmpty();
    assertThat(BusinessType.fromCode(null)).isEmpty();
    assertThat(BusinessType.codes())
        .hasSize(BusinessType.values().length)
        .containsAll(Arrays.stream(BusinessType.values()).map(Enum::name).toList());
  }
}
