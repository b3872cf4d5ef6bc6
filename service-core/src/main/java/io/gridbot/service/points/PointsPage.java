package io.gridbot.service.points;

import java.util.List;

/**
 * One page of an account's points history, latest first.
 *
 * @param entries at most {@code size} entries; empty past the last page
 * @param page the page number, from 0
 * @param total how many entries the account has in all
 */
public record PointsPage(List<PointsEntry> entries, int page, int size, long total) {

  public PointsPage {
    entries = List.copyOf(entries);
  }

  /** Whether a later page has entries. */
  public boolean hasNext() {
    return (long) (page + 1) * size < total;
  }
}
