package io.gridbot.intents;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.dialog.ConversationId;
import io.gridbot.dialog.MessageProcessor;
import io.gridbot.dialog.TurnOutcome;
import io.gridbot.dialog.channel.Reply;
import io.gridbot.dialog.channel.UserMessage;
import io.gridbot.dialog.store.StateStore;
import io.gridbot.dialog.store.StateStores;
import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.Binding;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.application.ApplicationService;
import io.gridbot.service.appointment.BookingService;
import io.gridbot.service.appointment.SlotService;
import java.time.Instant;
import java.util.List;
import org.mockito.Mockito;

/**
 * The assistant on the real NLU and fake accounts, with mocked booking, slot and application
 * services, for the conversations about visits and applications.
 */
class VisitsHarness {

  final FakeAccounts business = FakeAccounts.demo();
  final StateStore state = StateStores.inMemoryStateStore();
  final BookingService bookings = Mockito.mock(BookingService.class);
  final SlotService slots = Mockito.mock(SlotService.class);
  final ApplicationService applications = Mockito.mock(ApplicationService.class);

  final MessageProcessor processor =
      TestAssistant.processor(
          Assistant.domain(services(), state, new Templates(n -> 0)),
          state,
          (message, parse, replies) -> {});

  private AssistantServices services() {
    TestServices services = TestServices.on(business);
    services.bookings = bookings;
    services.slots = slots;
    services.applications = applications;
    return services.build();
  }

  /** Every submitted application is accepted as SUBMITTED under number {@code no}. */
  void applicationsAreNumbered(String no) {
    Mockito.when(applications.submit(Mockito.any()))
        .thenAnswer(
            i -> {
              io.gridbot.service.application.ApplicationRequest r = i.getArgument(0);
              return new io.gridbot.service.application.Application(
                  new io.gridbot.service.application.ApplicationNo(no),
                  r.type(),
                  r.applicant(),
                  r.name(),
                  r.idLast4(),
                  r.phone(),
                  r.address(),
                  r.account(),
                  r.requestedKw(),
                  r.documents(),
                  io.gridbot.service.application.ApplicationState.SUBMITTED,
                  null,
                  java.time.Instant.now());
            });
  }

  /** Binds {@code accounts} to {@code user} (the first is the default). */
  void bind(String user, String... accounts) {
    for (String no : accounts) {
      business.bindings.add(
          new Binding(
              business.bindings.size() + 1,
              new ChannelUser("wechat", user),
              new AccountNo(no),
              Instant.now(),
              business.bindings.isEmpty()));
    }
  }

  static ChannelUser user(String user) {
    return new ChannelUser("wechat", user);
  }

  /** The turn's outcome: replies and the templates they came from. */
  TurnOutcome turn(String user, String text) {
    return processor.process(
        new UserMessage(new ConversationId("wechat", user), null, text, Instant.now()));
  }

  /** The single reply to {@code text}, as plain text. */
  String say(String user, String text) {
    List<Reply> replies = turn(user, text).replies();
    assertThat(replies).hasSize(1);
    return replies.get(0).asText();
  }
}
