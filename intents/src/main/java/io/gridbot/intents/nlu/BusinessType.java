package io.gridbot.intents.nlu;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The service catalogue: what a customer can apply for. The constant's name is the value of a
 * {@code business_type} entity; synonyms are in {@code entities/business_types.tsv}.
 */
public enum BusinessType {
  /** 新装、报装: a new connection (业扩报装). */
  NEW_CONNECTION("新装"),
  /** 装表: installing a meter. */
  METER_INSTALL("装表"),
  /** 验表、校表: checking a meter's accuracy. */
  METER_CHECK("验表"),
  /** 换表: replacing a broken or old meter. */
  METER_REPLACE("换表"),
  /** 移表、迁表: moving a meter. */
  METER_RELOCATE("移表"),
  /** 增容: more contracted capacity. */
  CAPACITY_INCREASE("增容"),
  /** 减容: less contracted capacity. */
  CAPACITY_DECREASE("减容"),
  /** 过户: the account passes to a new owner. */
  TRANSFER("过户"),
  /** 更名: the holder's name changes, same owner. */
  RENAME("更名"),
  /** 销户: closing the account. */
  CLOSE_ACCOUNT("销户"),
  /** 改手机号: changing the registered phone number. */
  PHONE_CHANGE("更换联系电话"),
  /** 充电桩: an electric-vehicle charger connection. */
  EV_CHARGER("充电桩报装"),
  /** 临时用电: a temporary supply (building sites, events). */
  TEMPORARY_SUPPLY("临时用电"),
  /** 光伏并网: connecting solar panels to the grid. */
  SOLAR("光伏并网"),
  /** 上门检查: a technician visits. */
  ON_SITE_CHECK("上门检查"),
  /** 营业厅办理: handled at a service hall. */
  HALL_VISIT("营业厅办理");

  private final String label;

  BusinessType(String label) {
    this.label = label;
  }

  /** The name customers know the service by, e.g. {@code 过户}. */
  public String label() {
    return label;
  }

  /** The type whose {@link #name()} is {@code code}; empty for null or an unknown code. */
  public static Optional<BusinessType> fromCode(String code) {
    return Arrays.stream(values()).filter(t -> t.name().equals(code)).findFirst();
  }

  static Set<String> codes() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());
  }
}
