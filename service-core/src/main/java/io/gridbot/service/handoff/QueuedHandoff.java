package io.gridbot.service.handoff;

import java.time.Duration;

/**
 * A waiting handoff in the agents' queue.
 *
 * @param position 1 for the one waiting longest
 * @param waiting how long it has waited so far
 */
public record QueuedHandoff(Handoff handoff, int position, Duration waiting) {}
