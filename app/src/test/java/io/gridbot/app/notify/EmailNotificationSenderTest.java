package io.gridbot.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.notification.Notice;
import io.gridbot.service.port.NotificationSender.Delivery;
import io.gridbot.service.port.NotificationSender.Outcome;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The e-mail sender against GreenMail, an in-process SMTP server, and against failing servers. */
class EmailNotificationSenderTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final String FROM = "国网电力 <95598@notice.example.com>";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC);

  private static JavaMailSenderImpl mailTo(int port) {
    JavaMailSenderImpl mail = new JavaMailSenderImpl();
    mail.setHost("127.0.0.1");
    mail.setPort(port);
    Properties properties = new Properties();
    properties.setProperty("mail.smtp.connectiontimeout", "1000");
    properties.setProperty("mail.smtp.timeout", "1000");
    mail.setJavaMailProperties(properties);
    return mail;
  }

  private static EmailNotificationSender sender(JavaMailSenderImpl mail) {
    return new EmailNotificationSender(mail, new NotifySettings.Email(true, FROM), CLOCK);
  }

  private static Notice notice() {
    return new Notice(
        "monthly_bill",
        "bill:3300000002:202611",
        "11月电费账单",
        "户号3300000002 11月电费86.40元，请于12月15日前缴纳。",
        false,
        Map.of());
  }

  @Test
  void theMessageArrivesWithTitleAsSubjectChineseTextAndTheConfiguredSender() throws Exception {
    // given a running SMTP server
    EmailNotificationSender sender = sender(mailTo(smtp.getSmtp().getPort()));

    // when a notice is sent to an address
    Delivery delivery = sender.send(new ChannelUser("email", "zhang@example.com"), notice());

    // then it is SENT, and exactly that message arrived, as UTF-8 plain text
    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage message = received[0];
    assertThat(delivery).isEqualTo(new Delivery(Outcome.SENT, message.getMessageID()));
    assertThat(message.getSubject()).isEqualTo("11月电费账单");
    assertThat(message.getContent()).isEqualTo("户号3300000002 11月电费86.40元，请于12月15日前缴纳。");
    assertThat(message.getContentType())
        .containsIgnoringCase("text/plain")
        .containsIgnoringCase("UTF-8");
    InternetAddress from = (InternetAddress) message.getFrom()[0];
    assertThat(from.getAddress()).isEqualTo("95598@notice.example.com");
    assertThat(from.getPersonal()).isEqualTo("国网电力");
    assertThat(message.getAllRecipients())
        .extracting(Address::toString)
        .containsExactly("zhang@example.com");
  }

  @Test
  void anSmtpServerThatIsDownIsRetried() throws Exception {
    // given a port nobody listens on
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }

    // when a notice is sent
    Delivery delivery =
        sender(mailTo(port)).send(new ChannelUser("email", "zhang@example.com"), notice());

    // then it is to be retried
    assertThat(delivery.outcome()).isEqualTo(Outcome.RETRY);
    assertThat(delivery.detail()).startsWith("SMTP server unreachable");
  }

  @Test
  void aMalformedAddressFailsAndNothingIsSent() {
    // given recipients that are no bare e-mail address, or not on the email channel
    EmailNotificationSender sender = sender(mailTo(smtp.getSmtp().getPort()));

    // when notices are sent to them, then each failed for good
    for (ChannelUser user :
        new ChannelUser[] {
          new ChannelUser("email", "not-an-address"),
          new ChannelUser("email", "zhang@"),
          new ChannelUser("email", "张三 <zhang@example.com>"),
          new ChannelUser("email", "a@b@example.com"),
          new ChannelUser("sms", "zhang@example.com")
        }) {
      assertThat(sender.send(user, notice()).outcome())
          .as(user.toString())
          .isEqualTo(Outcome.FAILED);
    }
    // and nothing reached the server
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  void anAddressTheServerRejectsFailsWithTheReplyMasked() {
    // given a server that rejects the recipient for good
    EmailNotificationSender sender =
        sender(rejecting("550 5.1.1 <zhang@example.com>: no such user"));

    // when a notice is sent
    Delivery delivery = sender.send(new ChannelUser("email", "zhang@example.com"), notice());

    // then it failed for good and the detail carries the reply without the whole address
    assertThat(delivery)
        .isEqualTo(
            new Delivery(
                Outcome.FAILED, "address rejected: 550 5.1.1 <z***@example.com>: no such user"));
  }

  @Test
  void anAddressTheServerRejectsForNowIsRetried() {
    // given a server that rejects the recipient temporarily (greylisting)
    EmailNotificationSender sender = sender(rejecting("451 4.7.1 greylisted, try again later"));

    // when a notice is sent, then it is to be retried
    Delivery delivery = sender.send(new ChannelUser("email", "zhang@example.com"), notice());
    assertThat(delivery.outcome()).isEqualTo(Outcome.RETRY);
  }

  /** A mail sender whose server answers RCPT TO with {@code reply}, as Jakarta Mail reports it. */
  private static JavaMailSenderImpl rejecting(String reply) {
    return new JavaMailSenderImpl() {
      @Override
      protected void doSend(MimeMessage[] messages, Object[] originals) {
        try {
          InternetAddress address = new InternetAddress("zhang@example.com");
          SendFailedException failed =
              new SendFailedException(
                  "Invalid Addresses",
                  new MessagingException(reply),
                  new Address[0],
                  new Address[0],
                  new Address[] {address});
          throw new MailSendException(Map.of(messages[0], failed));
        } catch (jakarta.mail.internet.AddressException e) {
          throw new IllegalStateException(e);
        }
      }
    };
  }
}
