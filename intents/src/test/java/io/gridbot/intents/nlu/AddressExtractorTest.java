package io.gridbot.intents.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gridbot.dialog.nlu.Entity;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressExtractorTest {

  private static final Instant AT = OffsetDateTime.parse("2026-11-27T10:00+08:00").toInstant();

  private final AddressExtractor addresses = new AddressExtractor();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          幸福小区3栋2单元501                  | 幸福小区3栋2单元501          | 幸福小区3栋2单元501
          幸福小区3号楼2单元501室               | 幸福小区3号楼2单元501室       | 幸福小区3号楼2单元501室
          解放路88号                          | 解放路88号                  | 解放路88号
          滨江区江南大道1000号                  | 滨江区江南大道1000号          | 滨江区江南大道1000号
          西湖区文三路90号东部软件园2幢           | 西湖区文三路90号东部软件园2幢   | 西湖区文三路90号东部软件园2幢
          城关镇李家村5组                      | 城关镇李家村5组              | 城关镇李家村5组
          某某街道                            | 某某街道                    | 某某街道
          光明新村12幢3单元                    | 光明新村12幢3单元            | 光明新村12幢3单元
          和平里社区                          | 和平里社区                  | 和平里社区
          朝阳区望京SOHO T1                    | 朝阳区望京SOHO T1            | 朝阳区望京SOHO T1
          人民医院对面                         | 人民医院对面                 | 人民医院对面
          在幸福小区                           | 幸福小区                    | 幸福小区
          我住在幸福小区                        | 幸福小区                    | 幸福小区
          我家住在幸福小区3栋2单元501，停电了      | 幸福小区3栋2单元501          | 幸福小区3栋2单元501
          家住光明新村12幢3单元                  | 光明新村12幢3单元            | 光明新村12幢3单元
          地址是解放路88号                      | 解放路88号                  | 解放路88号
          幸福小区停电了                        | 幸福小区                    | 幸福小区
          明天幸福小区停电吗                     | 幸福小区                    | 幸福小区
          下周三幸福小区停电吗                   | 幸福小区                    | 幸福小区
          您好幸福小区停电                       | 幸福小区                    | 幸福小区
          我家幸福小区3栋停电                    | 幸福小区3栋                 | 幸福小区3栋
          幸福小区３栋２单元５０１                | 幸福小区３栋２单元５０１        | 幸福小区3栋2单元501
          幸福小區3棟2單元501                   | 幸福小區3棟2單元501          | 幸福小区3栋2单元501
          幸福小区 3栋 2单元 501                | 幸福小区 3栋 2单元 501       | 幸福小区3栋2单元501
          浙江省杭州市西湖区文三路90号            | 浙江省杭州市西湖区文三路90号    | 浙江省杭州市西湖区文三路90号
          上海市浦东新区张江镇                    | 上海市浦东新区张江镇           | 上海市浦东新区张江镇
          3栋2单元501停电了                     | 3栋2单元501                 | 3栋2单元501
          幸福小区3-2-501                      | 幸福小区3-2-501             | 幸福小区3-2-501
          城关镇政府旁边                         | 城关镇政府旁边               | 城关镇政府旁边
          第一中学旁边的路灯坏了                  | 第一中学旁边                 | 第一中学旁边
          幸福路路灯不亮了                       | 幸福路                     | 幸福路
          阳光花园A座1201                       | 阳光花园A座1201             | 阳光花园A座1201
          光明路1号院3号楼                       | 光明路1号院3号楼             | 光明路1号院3号楼
          我家住在东城区帽儿胡同5号院              | 东城区帽儿胡同5号院           | 东城区帽儿胡同5号院
          幸福小区3号停电吗                      | 幸福小区                    | 幸福小区
          幸福小区3栋100元                      | 幸福小区3栋                 | 幸福小区3栋
          幸福小区附近停电了吗                    | 幸福小区附近                 | 幸福小区附近
          订阅幸福小区的停电通知                   | 幸福小区                    | 幸福小区
          """)
  void findsTheAddressAndItsSpan(String text, String span, String address) {
    assertThat(addresses.extract(text, AT))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.name()).isEqualTo(DomainEntities.ADDRESS);
              assertThat(e.value()).isEqualTo(address);
              assertThat(e.text()).isEqualTo(span);
              assertThat(e.start()).isEqualTo(text.indexOf(span));
              assertThat(e.end()).isEqualTo(text.indexOf(span) + span.length());
            });
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "我家停电了",
        "明天",
        "路灯不亮了",
        "一路上都很黑",
        "3300000001",
        "户号3300000001",
        "100元",
        "交100元电费",
        "我们小区停电了",
        "这个小区什么时候来电",
        "隔壁小区停电了吗",
        "小区里停电了",
        "高档小区",
        "马路上的电线断了",
        "家里短路了",
        "我家线路老化",
        "怎么省电",
        "城乡居民电价",
        "农村电网",
        "我们村停电了",
        "市区停电了吗",
        "这两个有什么区别",
        "广场舞太吵",
        "一条街都停电了",
        "逛街去了",
        "超市没电了",
        "附近的超市",
        "我要去营业厅办理过户",
        "订阅停电通知",
        "你们施工把我家门口路挖坏了",
        "3号",
        "3号楼",
        "5楼",
        "三室一厅",
        "10月5号3栋",
        "明天上午10点来",
        ""
      })
  void sentencesWithoutAnAddressGiveNone(String text) {
    assertThat(addresses.extract(text, AT)).isEmpty();
  }

  @Test
  void everyAddressInAMessageIsFound() {
    String text = "幸福小区、阳光花园3栋都停电了";

    assertThat(addresses.extract(text, AT))
        .extracting(Entity::value, Entity::text)
        .containsExactly(tuple("幸福小区", "幸福小区"), tuple("阳光花园3栋", "阳光花园3栋"));
  }

  @Test
  void aLongRunOfSuffixesIsNoAddress() {
    assertThat(addresses.extract("区".repeat(1000), AT)).isEmpty();
  }
}
