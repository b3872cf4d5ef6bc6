package io.gridbot.service.complaint;

/** What a complaint is about. */
public enum ComplaintCategory {
  /** How staff treated the customer (服务态度). */
  SERVICE_ATTITUDE,
  /** Meter reading: estimates, missed or wrong readings (抄表). */
  METER_READING,
  /** Bills and charges (电费). */
  BILLING,
  /** Voltage, flicker, frequent outages (供电质量). */
  POWER_QUALITY,
  /** Anything else, suggestions included. */
  OTHER
}
