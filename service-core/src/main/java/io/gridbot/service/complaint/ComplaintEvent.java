package io.gridbot.service.complaint;

import java.time.Instant;

/**
 * One transition of a complaint.
 *
 * @param from the state before, null for the filing
 * @param actor a staff id or {@code customer}
 * @param note why, or null
 */
public record ComplaintEvent(
    ComplaintState from, ComplaintState to, String actor, String note, Instant at) {}
