package io.gridbot.service.account;

import java.util.List;
import java.util.Optional;

/**
 * Binds channel users to accounts after they prove they know the account's registered phone. A user
 * may bind several accounts and an account may be bound by several users; a user has at most one
 * active binding per account, and exactly one of a user's active bindings is the default. Unbinding
 * keeps the binding as history.
 */
public interface BindingService {

  /**
   * Binds the account to the user if {@code phoneLast4} equals the last four digits of the
   * account's registered phone. If the user already has an active binding for the account, it is
   * returned unchanged. The user's first active binding becomes the default.
   *
   * @param phoneLast4 what the user typed; anything but the right four digits fails verification
   * @throws AccountNotFound if the account does not exist or is closed
   * @throws VerificationFailed if the digits are wrong; nothing is written
   */
  Binding bind(ChannelUser user, AccountNo no, String phoneLast4);

  /**
   * Binds the account to the user if {@code surname} is how the account holder's name begins: the
   * other way to prove the user knows the account, for customers who do not remember the registered
   * phone. Same outcomes as {@link #bind}; callers count failures of both ways together, since
   * surnames are easier to guess than four digits.
   *
   * @throws AccountNotFound if the account does not exist or is closed
   * @throws VerificationFailed if the surname does not match; nothing is written
   */
  Binding bindBySurname(ChannelUser user, AccountNo no, Surname surname);

  /** The user's active bindings, the default first, then oldest first; empty if there are none. */
  List<Binding> activeBindings(ChannelUser user);

  /** The active account of the user's default binding; empty if the user has bound none. */
  Optional<Account> defaultAccount(ChannelUser user);

  /**
   * Ends the user's active binding of the account; the binding is kept as history. If it was the
   * default, the user's oldest other active binding becomes the default.
   *
   * @throws BindingNotFound if the user has no active binding for the account
   */
  void unbind(ChannelUser user, AccountNo no);

  /**
   * Makes the user's active binding of the account their default.
   *
   * @throws BindingNotFound if the user has no active binding for the account
   */
  void makeDefault(ChannelUser user, AccountNo no);
}
