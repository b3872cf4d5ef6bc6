package io.gridbot.service.outage;

/** Why the power is off. */
public enum OutageKind {
  /** Maintenance or construction announced ahead of time. */
  PLANNED,
  /** A fault: opened by staff, or detected from a cluster of fault reports in one area. */
  UNPLANNED
}
