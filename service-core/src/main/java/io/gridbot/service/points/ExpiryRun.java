package io.gridbot.service.points;

/**
 * What one run of the expiry job did.
 *
 * @param accounts accounts that lost points
 * @param lots lots written off
 * @param points points written off in all
 */
public record ExpiryRun(int accounts, int lots, long points) {}
