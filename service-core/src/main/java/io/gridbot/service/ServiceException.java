package io.gridbot.service;

/**
 * A business rule of service-core was not met. Each subclass is named as a fact ({@code
 * AccountNotFound}) and has a stable {@link #code()} that the edges (web API, dialog actions) map
 * to an answer once. Messages carry context for logs with personal data masked (account numbers as
 * {@code 3300****01}); they are not meant to be shown to customers.
 */
public abstract class ServiceException extends RuntimeException {

  protected ServiceException(String message) {
    super(message);
  }

  /** A stable, dotted code such as {@code account.not-found}; never changes once published. */
  public abstract String code();
}
