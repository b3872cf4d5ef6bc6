package io.gridbot.service.account;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class DefaultBindingService implements BindingService {

  private static final Logger log = LoggerFactory.getLogger(DefaultBindingService.class);

  private final AccountMapper accounts;
  private final BindingMapper bindings;

  DefaultBindingService(AccountMapper accounts, BindingMapper bindings) {
    this.accounts = accounts;
    this.bindings = bindings;
  }

  @Override
  public Binding bind(ChannelUser user, AccountNo no, String phoneLast4) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(no, "no");
    // The row lock serialises binds of one account, so two concurrent binds by the same user end
    // with one binding; the unique index on active bindings is the backstop.
    String registeredPhone =
        accounts.lockActiveForBinding(no).orElseThrow(() -> new AccountNotFound(no));
    if (!PhoneDigits.lastFourMatch(registeredPhone, phoneLast4)) {
      log.info(
          "binding refused: wrong phone digits for account {} ({})", no.masked(), user.channel());
      throw new VerificationFailed(user, no);
    }
    return bindVerified(user, no);
  }

  @Override
  public Binding bindBySurname(ChannelUser user, AccountNo no, Surname surname) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(no, "no");
    Objects.requireNonNull(surname, "surname");
    // the same row lock as a bind by phone digits, then the holder's name
    accounts.lockActiveForBinding(no).orElseThrow(() -> new AccountNotFound(no));
    String holder =
        accounts
            .findActive(no)
            .map(Account::customerName)
            .orElseThrow(() -> new AccountNotFound(no));
    if (!surname.matches(holder)) {
      log.info("binding refused: wrong surname for account {} ({})", no.masked(), user.channel());
      throw new VerificationFailed(user, no);
    }
    return bindVerified(user, no);
  }

  private Binding bindVerified(ChannelUser user, AccountNo no) {
    Optional<Binding> existing = bindings.findActive(user, no);
    if (existing.isPresent()) {
      return existing.get();
    }
    boolean first = bindings.findActiveByUser(user).isEmpty();
    bindings.insert(user, no, now(), first);
    Binding created = bindings.findActive(user, no).orElseThrow();
    log.info("bound account {} ({}), binding {}", no.masked(), user.channel(), created.id());
    return created;
  }

  @Override
  @Transactional(readOnly = true)
  public List<Binding> activeBindings(ChannelUser user) {
    return bindings.findActiveByUser(Objects.requireNonNull(user, "user"));
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Account> defaultAccount(ChannelUser user) {
    return accounts.findDefaultOf(Objects.requireNonNull(user, "user"));
  }

  @Override
  public void unbind(ChannelUser user, AccountNo no) {
    Binding binding = activeBinding(user, no);
    bindings.unbind(binding.id(), now());
    if (binding.isDefault()) {
      bindings.findActiveByUser(user).stream()
          .findFirst()
          .ifPresent(oldest -> bindings.markDefault(oldest.id()));
    }
    log.info("unbound account {} ({}), binding {}", no.masked(), user.channel(), binding.id());
  }

  @Override
  public void makeDefault(ChannelUser user, AccountNo no) {
    Binding binding = activeBinding(user, no);
    if (!binding.isDefault()) {
      bindings.clearDefaults(user);
      bindings.markDefault(binding.id());
    }
  }

  private Binding activeBinding(ChannelUser user, AccountNo no) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(no, "no");
    return bindings.findActive(user, no).orElseThrow(() -> new BindingNotFound(user, no));
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
