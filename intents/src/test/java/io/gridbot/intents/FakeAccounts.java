package io.gridbot.intents;

import io.gridbot.service.account.Account;
import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountNotFound;
import io.gridbot.service.account.AccountService;
import io.gridbot.service.account.BillingMode;
import io.gridbot.service.account.Binding;
import io.gridbot.service.account.BindingNotFound;
import io.gridbot.service.account.BindingService;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.account.Surname;
import io.gridbot.service.account.VerificationFailed;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Accounts and bindings in memory, behaving as the service-core contracts say. */
final class FakeAccounts implements AccountService, BindingService {

  final Map<AccountNo, Account> accounts = new HashMap<>();
  final List<Binding> bindings = new ArrayList<>();
  int bindCalls;

  /**
   * The three accounts of the demo data (R__demo_data.sql), as the conversations tests know them.
   */
  static FakeAccounts demo() {
    return new FakeAccounts()
        .with("3300000001", BillingMode.PREPAID, "12.50", "0.00", "13800000001", "幸福小区3栋2单元501")
        .with("3300000002", BillingMode.POSTPAID, "0.00", "86.40", "13800000002", "幸福小区5栋1单元302")
        .with("3300000003", BillingMode.POSTPAID, "0.00", "0.00", "13800000003", "和平路8号");
  }

  FakeAccounts with(
      String no, BillingMode mode, String balance, String arrears, String phone, String address) {
    AccountNo accountNo = new AccountNo(no);
    accounts.put(
        accountNo,
        new Account(
            accountNo,
            1,
            "张三",
            mode,
            new BigDecimal(balance),
            new BigDecimal(arrears),
            address,
            "CN-330106-017",
            phone));
    return this;
  }

  @Override
  public Optional<Account> find(AccountNo no) {
    return Optional.ofNullable(accounts.get(no));
  }

  @Override
  public Binding bind(ChannelUser user, AccountNo no, String phoneLast4) {
    bindCalls++;
    Account account = find(no).orElseThrow(() -> new AccountNotFound(no));
    if (!account.registeredPhone().endsWith(phoneLast4)) {
      throw new VerificationFailed(user, no);
    }
    Binding binding =
        new Binding(bindings.size() + 1, user, no, Instant.now(), activeBindings(user).isEmpty());
    bindings.add(binding);
    return binding;
  }

  @Override
  public Binding bindBySurname(ChannelUser user, AccountNo no, Surname surname) {
    bindCalls++;
    Account account = find(no).orElseThrow(() -> new AccountNotFound(no));
    if (!account.customerName().startsWith(surname.value())) {
      throw new VerificationFailed(user, no);
    }
    Binding binding =
        new Binding(bindings.size() + 1, user, no, Instant.now(), activeBindings(user).isEmpty());
    bindings.add(binding);
    return binding;
  }

  @Override
  public List<Binding> activeBindings(ChannelUser user) {
    return bindings.stream().filter(b -> b.user().equals(user)).toList();
  }

  @Override
  public Optional<Account> defaultAccount(ChannelUser user) {
    return activeBindings(user).stream()
        .filter(Binding::isDefault)
        .findFirst()
        .flatMap(b -> find(b.accountNo()));
  }

  @Override
  public void unbind(ChannelUser user, AccountNo no) {
    if (!bindings.removeIf(b -> b.user().equals(user) && b.accountNo().equals(no))) {
      throw new BindingNotFound(user, no);
    }
  }

  @Override
  public void makeDefault(ChannelUser user, AccountNo no) {
    throw new UnsupportedOperationException();
  }
}
