package io.gridbot.intents.autodebit;

import io.gridbot.dialog.form.Choice;
import io.gridbot.dialog.form.Form;
import io.gridbot.dialog.form.SlotSpec;
import io.gridbot.dialog.tracker.Event;
import io.gridbot.dialog.tracker.Tracker;
import io.gridbot.intents.AccountSlot;
import io.gridbot.intents.Assistant;
import io.gridbot.intents.Conversations;
import io.gridbot.intents.Templates;
import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountNotFound;
import io.gridbot.service.autodebit.Agreement;
import io.gridbot.service.autodebit.AgreementNotFound;
import io.gridbot.service.autodebit.AutoDebitChannel;
import io.gridbot.service.autodebit.AutoDebitNotEligible;
import io.gridbot.service.autodebit.AutoDebitRequestConflict;
import io.gridbot.service.autodebit.AutoDebitService;
import io.gridbot.service.autodebit.Eligibility;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Signs or cancels auto-debit (代扣): which account, sign or cancel (taken from the message when it
 * is clear), for signing which platform (the conversation's own when it is Alipay or WeChat), a
 * confirmation, then a link to the platform's signing page or the cancellation. An account that may
 * not sign is told why: before anything is asked when the message already tells the account and the
 * wish, otherwise after the confirmation, where nothing is signed.
 */
public final class AutoDebitForm {

  public static final String NAME = "auto_debit_form";
  static final String ACTION = "auto_debit_action";
  static final String CHANNEL = "auto_debit_channel";
  static final String SIGN = "sign";
  static final String CANCEL = "cancel";

  private static final Pattern WANTS_CANCEL = Pattern.compile("取消|解约|关闭|关掉|停止|不要|退订|解除|终止");
  private static final Pattern WANTS_SIGN = Pattern.compile("开通|签约|办理|开启|开个|申请|办个|设置");

  private AutoDebitForm() {}

  public static Form create(AutoDebitSigning signing, AccountSlot account, Templates templates) {
    AutoDebitService service = signing.service();
    return Form.named(NAME)
        .guard(t -> guard(t, service, account, templates))
        .slot(account.slot("auto_debit.which_account"))
        .slot(
            SlotSpec.named(ACTION)
                .prompt(templates.prompt("auto_debit.which_action"))
                .retry(templates.prompt("auto_debit.which_action"))
                .parser(AutoDebitForm::action)
                .choices(
                    t ->
                        List.of(
                            new Choice(templates.render("auto_debit.option_sign"), SIGN),
                            new Choice(templates.render("auto_debit.option_cancel"), CANCEL)))
                .prefill(t -> t.latestMessage().flatMap(m -> action(m.text())))
                .build())
        .slot(
            SlotSpec.named(CHANNEL)
                .prompt(templates.prompt("auto_debit.which_channel"))
                .retry(templates.prompt("auto_debit.which_channel"))
                .parser(AutoDebitForm::channel)
                .choices(
                    t ->
                        java.util.stream.Stream.of("ALIPAY", "WECHAT")
                            .filter(signing.links()::offers)
                            .map(c -> new Choice(templates.render("auto_debit.channel." + c), c))
                            .toList())
                .prefill(t -> channelOfConversation(t).filter(signing.links()::offers))
                .neededWhen(AutoDebitForm::signing)
                .build())
        .confirm(
            t ->
                templates.say(
                    signing(t) ? "auto_debit.confirm_sign" : "auto_debit.confirm_cancel",
                    values(t, account, templates)))
        .submit(
            t ->
                signing(t)
                    ? sign(t, signing, account, templates)
                    : cancel(t, service, account, templates))
        .cancelled(templates.prompt("auto_debit.cancelled"))
        .giveUp(Assistant.giveUp(templates))
        .build();
  }

  /** Sign or cancel, when the text says it clearly. */
  static Optional<String> action(String text) {
    if (WANTS_CANCEL.matcher(text).find()) {
      return Optional.of(CANCEL);
    }
    return WANTS_SIGN.matcher(text).find() ? Optional.of(SIGN) : Optional.empty();
  }

  static Optional<String> channel(String text) {
    if (text.contains("支付宝")) {
      return Optional.of("ALIPAY");
    }
    return text.contains("微信") ? Optional.of("WECHAT") : Optional.empty();
  }

  private static Optional<String> channelOfConversation(Tracker t) {
    Optional<String> named = t.latestMessage().flatMap(m -> channel(m.text()));
    if (named.isPresent()) {
      return named;
    }
    return switch (t.conversation().channel()) {
      case "alipay" -> Optional.of("ALIPAY");
      case "wechat" -> Optional.of("WECHAT");
      default -> Optional.empty();
    };
  }

  private static boolean signing(Tracker t) {
    return t.slot(ACTION).filter(SIGN::equals).isPresent();
  }

  /** Refuses early: no bound account, or signing an account that may not sign. */
  private static List<Event> guard(
      Tracker t, AutoDebitService service, AccountSlot account, Templates templates) {
    List<Event> unbound = account.requireBound(t);
    if (!unbound.isEmpty()) {
      return unbound;
    }
    boolean wantsSign =
        t.latestMessage().flatMap(m -> action(m.text())).filter(SIGN::equals).isPresent();
    List<AccountNo> bound = account.boundAccounts(t);
    if (!wantsSign || bound.size() != 1) {
      return List.of();
    }
    Eligibility eligibility = service.eligibility(bound.get(0));
    return eligibility.eligible()
        ? List.of()
        : List.of(ineligible(templates, eligibility.reason(), bound.get(0)));
  }

  private static Event.BotUttered ineligible(
      Templates templates, Eligibility.Reason reason, AccountNo no) {
    return templates.say(
        "auto_debit.ineligible." + reason.name().toLowerCase(java.util.Locale.ROOT),
        Map.of("account", no.masked()));
  }

  private static Map<String, Object> values(Tracker t, AccountSlot account, Templates templates) {
    Map<String, Object> v = new HashMap<>(account.describe(t));
    t.slot(CHANNEL).ifPresent(c -> v.put("channel", templates.render("auto_debit.channel." + c)));
    return v;
  }

  private static List<Event> sign(
      Tracker t, AutoDebitSigning signing, AccountSlot account, Templates templates) {
    AccountNo no = new AccountNo(t.slot(AccountSlot.NAME).orElseThrow());
    AutoDebitChannel channel = AutoDebitChannel.valueOf(t.slot(CHANNEL).orElseThrow());
    if (!signing.links().offers(channel.name())) {
      return List.of(
          templates.say("auto_debit.platform_unavailable", values(t, account, templates)));
    }
    String requestId =
        "chat:" + t.activeFormId().orElseGet(() -> java.util.UUID.randomUUID().toString());
    try {
      Agreement pending =
          signing.service().requestSigning(no, Conversations.userOf(t), channel, requestId);
      return List.of(
          templates.link(
              "auto_debit.sign_link",
              values(t, account, templates),
              templates.render("auto_debit.sign_link_title"),
              signing.links().signUrl(pending.requestId())));
    } catch (AutoDebitNotEligible e) {
      return List.of(ineligible(templates, e.reason(), no));
    } catch (AccountNotFound | AutoDebitRequestConflict e) {
      return List.of(templates.say("auto_debit.failed", values(t, account, templates)));
    }
  }

  private static List<Event> cancel(
      Tracker t, AutoDebitService service, AccountSlot account, Templates templates) {
    AccountNo no = new AccountNo(t.slot(AccountSlot.NAME).orElseThrow());
    try {
      service.unsign(no);
    } catch (AgreementNotFound e) {
      return List.of(templates.say("auto_debit.none_to_cancel", values(t, account, templates)));
    }
    return List.of(templates.say("auto_debit.cancel_done", values(t, account, templates)));
  }
}
