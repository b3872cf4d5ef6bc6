package io.gridbot.service.tag;

/** Who set a tag. An account may have the same tag from both sources. */
public enum TagSource {
  /** Computed by the rules; replaced on every recompute. */
  RULE,
  /** Set by staff; the rules never remove it. */
  STAFF
}
