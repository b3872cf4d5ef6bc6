package io.gridbot.service.account;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class DefaultAccountService implements AccountService {

  private final AccountMapper accounts;

  DefaultAccountService(AccountMapper accounts) {
    this.accounts = accounts;
  }

  @Override
  public Optional<Account> find(AccountNo no) {
    return accounts.findActive(no);
  }
}
