package io.gridbot.app.notify;

import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.notification.Notice;
import io.gridbot.service.port.NotificationSender;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends notices by e-mail (channel {@code email}, user id a bare address such as {@code
 * zhang@example.com}): subject the notice's title, body its text, plain UTF-8, through Spring's
 * {@link JavaMailSender} (SMTP configured by {@code spring.mail.*}).
 *
 * <p>Outcomes: accepted by the SMTP server is SENT (detail: the Message-ID). An address the server
 * rejects permanently (5xx), a malformed address or a message that cannot be built is FAILED. An
 * address rejected temporarily (4xx, e.g. greylisting), a server that cannot be reached or times
 * out, failed authentication and any other send failure are RETRY. Never throws. Logs mask the
 * address ({@code z***@example.com}) and never contain the text.
 */
final class EmailNotificationSender implements NotificationSender {

  static final String CHANNEL = "email";

  private static final Logger log = LoggerFactory.getLogger(EmailNotificationSender.class);

  private final JavaMailSender mail;
  private final String from;
  private final Clock clock;

  EmailNotificationSender(JavaMailSender mail, NotifySettings.Email settings, Clock clock) {
    this.mail = mail;
    this.from = settings.from();
    this.clock = clock;
  }

  @Override
  public String channel() {
    return CHANNEL;
  }

  @Override
  public Delivery send(ChannelUser recipient, Notice notice) {
    Optional<InternetAddress> to =
        CHANNEL.equals(recipient.channel()) ? address(recipient.userId()) : Optional.empty();
    if (to.isEmpty()) {
      log.warn("email for {} not sent: the recipient is not an e-mail address", notice.key());
      return new Delivery(Outcome.FAILED, "not an e-mail address");
    }
    Delivery delivery;
    try {
      MimeMessage message = mail.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
      helper.setFrom(from);
      helper.setTo(to.get());
      helper.setSubject(notice.title());
      helper.setText(notice.text(), false);
      helper.setSentDate(Date.from(clock.instant()));
      mail.send(message);
      String id = message.getMessageID();
      delivery = new Delivery(Outcome.SENT, id == null ? "(no message id)" : id);
    } catch (MessagingException e) {
      delivery = new Delivery(Outcome.FAILED, "message not built: " + e.getClass().getSimpleName());
    } catch (MailException e) {
      delivery = outcome(e);
    }
    log.info(
        "email for {} to {}: {} {}",
        notice.key(),
        mask(to.get().getAddress()),
        delivery.outcome(),
        delivery.detail());
    return delivery;
  }

  /** How a failure of {@link JavaMailSender#send} turns out. */
  static Delivery outcome(MailException e) {
    if (e instanceof MailAuthenticationException) {
      return new Delivery(Outcome.RETRY, "SMTP authentication failed");
    }
    if (e instanceof MailParseException || e instanceof MailPreparationException) {
      return new Delivery(Outcome.FAILED, "message not built: " + e.getClass().getSimpleName());
    }
    if (e instanceof MailSendException send) {
      for (Exception failure : send.getMessageExceptions()) {
        SendFailedException rejected = find(failure, SendFailedException.class);
        if (rejected != null
            && rejected.getInvalidAddresses() != null
            && rejected.getInvalidAddresses().length > 0) {
          String reply = serverReply(rejected);
          return reply.startsWith("4")
              ? new Delivery(Outcome.RETRY, "address rejected for now: " + reply)
              : new Delivery(Outcome.FAILED, "address rejected: " + reply);
        }
      }
      for (Exception failure : send.getMessageExceptions()) {
        IOException io = find(failure, IOException.class);
        if (io != null) {
          return new Delivery(Outcome.RETRY, "SMTP server unreachable: " + simpleName(io));
        }
      }
    }
    return new Delivery(Outcome.RETRY, "send failed: " + simpleName(e));
  }

  private static Optional<InternetAddress> address(String text) {
    try {
      InternetAddress address = new InternetAddress(text, true);
      address.validate();
      boolean bare = address.getPersonal() == null && text.equals(address.getAddress());
      return bare && text.indexOf('@') > 0 ? Optional.of(address) : Optional.empty();
    } catch (AddressException e) {
      return Optional.empty();
    }
  }

  /**
   * The SMTP reply to the rejected recipient, e.g. {@code 550 5.1.1 no such user}: the message of
   * the first nested exception (the provider's per-address exception), else of the exception.
   */
  private static String serverReply(SendFailedException rejected) {
    Exception next = rejected.getNextException();
    String reply = next != null && next.getMessage() != null ? next.getMessage() : "";
    if (reply.isBlank()) {
      reply = rejected.getMessage() == null ? "" : rejected.getMessage();
    }
    // the reply usually names the address: keep only its first letter and domain
    reply = reply.strip().replaceAll("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@", "$1***@");
    return reply.length() <= 200 ? reply : reply.substring(0, 200);
  }

  /** The first of the type in the cause chain (which includes a MessagingException's next). */
  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static String simpleName(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + " (" + root.getClass().getSimpleName() + ")";
  }

  /** {@code zhang@example.com} as {@code z***@example.com}. */
  static String mask(String address) {
    int at = address.indexOf('@');
    return at <= 0 ? "***" : address.charAt(0) + "***" + address.substring(at);
  }
}
