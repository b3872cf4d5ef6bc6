package io.gridbot.service.account;

import java.util.Optional;

/** Looks up electricity accounts. */
public interface AccountService {

  /**
   * The active account with this number.
   *
   * @param no never null
   * @return empty if there is no such account or it is closed
   */
  Optional<Account> find(AccountNo no);
}
