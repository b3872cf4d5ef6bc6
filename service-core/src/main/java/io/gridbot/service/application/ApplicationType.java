package io.gridbot.service.application;

/**
 * What a customer applies for (业扩报装). Connection types ask for a capacity in kW; account changes
 * name the existing account and may skip the survey (see {@link ApplicationState}).
 */
public enum ApplicationType {
  LOW_VOLTAGE_NEW("低压居民新装", false, true),
  CAPACITY_INCREASE("增容", true, true),
  TEMPORARY_SUPPLY("临时用电", false, true),
  EV_CHARGER("充电桩", false, true),
  RENAME("更名", true, false),
  TRANSFER("过户", true, false),
  CLOSE_ACCOUNT("销户", true, false);

  private final String label;
  private final boolean needsAccount;
  private final boolean needsCapacity;

  ApplicationType(String label, boolean needsAccount, boolean needsCapacity) {
    this.label = label;
    this.needsAccount = needsAccount;
    this.needsCapacity = needsCapacity;
  }

  /** The Chinese name customers read. */
  public String label() {
    return label;
  }

  /** Whether the application must name an existing account. */
  public boolean needsAccount() {
    return needsAccount;
  }

  /** Whether the application must state the requested capacity; other types must not. */
  public boolean needsCapacity() {
    return needsCapacity;
  }

  /** Whether staff may approve without a site survey: the account changes, nothing is built. */
  public boolean surveyOptional() {
    return !needsCapacity;
  }
}
