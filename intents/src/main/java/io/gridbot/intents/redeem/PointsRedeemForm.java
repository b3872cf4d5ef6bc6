package io.gridbot.intents.redeem;

import io.gridbot.dialog.form.Choice;
import io.gridbot.dialog.form.Form;
import io.gridbot.dialog.form.SlotSpec;
import io.gridbot.dialog.nlu.TextNormalizer;
import io.gridbot.dialog.tracker.Event;
import io.gridbot.dialog.tracker.Tracker;
import io.gridbot.intents.AccountSlot;
import io.gridbot.intents.Assistant;
import io.gridbot.intents.Templates;
import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountNotFound;
import io.gridbot.service.points.CatalogueItem;
import io.gridbot.service.points.InsufficientPoints;
import io.gridbot.service.points.PointsItemNotFound;
import io.gridbot.service.points.PointsItemOutOfStock;
import io.gridbot.service.points.PointsService;
import io.gridbot.service.points.QuantityNotAllowed;
import io.gridbot.service.points.Redemption;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exchanges points: which account, which item (the catalogue with costs and stock, after the
 * account's balance), how many (1 unless the message says), a confirmation, then the redemption
 * under a request id derived from the form run, so a retried confirmation redeems once.
 */
public final class PointsRedeemForm {

  public static final String NAME = "points_redeem_form";
  static final String ITEM = "points_item";
  static final String QUANTITY = "points_quantity";

  private static final Pattern QUANTITY_IN_TEXT =
      Pattern.compile("(?<!第)([0-9]{1,2}|[一二两三四五六七八九十])\\s*(张|份|个|件|套|次)");
  private static final Pattern PLAIN_QUANTITY = Pattern.compile("([0-9]{1,2}|[一二两三四五六七八九十])");

  private PointsRedeemForm() {}

  public static Form create(PointsService points, AccountSlot account, Templates templates) {
    return Form.named(NAME)
        .guard(account::requireBound)
        .slot(account.slot("redeem.which_account"))
        .slot(
            SlotSpec.named(ITEM)
                .prompt(
                    templates.prompt(
                        "redeem.which_item", t -> Map.of("balance", balance(points, t))))
                .retry(templates.prompt("redeem.retry_item"))
                .parser(text -> item(points, text))
                .choices(t -> choices(points, templates))
                .build())
        .slot(
            SlotSpec.named(QUANTITY)
                .prompt(templates.prompt("redeem.ask_quantity"))
                .retry(templates.prompt("redeem.retry_quantity"))
                .parser(PointsRedeemForm::quantity)
                .prefill(
                    t ->
                        Optional.of(
                            triggeringText(t).flatMap(PointsRedeemForm::quantityIn).orElse("1")))
                .build())
        .confirm(t -> templates.say("redeem.confirm", values(points, account, t)))
        .submit(t -> submit(points, account, templates, t))
        .cancelled(templates.prompt("redeem.cancelled"))
        .giveUp(Assistant.giveUp(templates))
        .build();
  }

  /** What the customer said when this form run started ("积分换2张优惠券"). */
  static Optional<String> triggeringText(Tracker t) {
    List<Event> events = t.events();
    for (int i = events.size() - 1; i > 0; i--) {
      if (events.get(i) instanceof Event.FormActivated) {
        for (int j = i - 1; j >= 0; j--) {
          if (events.get(j) instanceof Event.UserUttered u) {
            return Optional.of(u.text());
          }
        }
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The idempotency key of this form run's redemption. */
  static String requestId(Tracker t) {
    String run =
        t.activeFormId()
            .orElseGet(
                () ->
                    UUID.nameUUIDFromBytes(
                            (t.conversation().key()
                                    + t.latestMessage().map(m -> m.messageId()).orElse(""))
                                .getBytes(StandardCharsets.UTF_8))
                        .toString());
    return "chat:" + run;
  }

  private static int balance(PointsService points, Tracker t) {
    return points.balance(new AccountNo(t.slot(AccountSlot.NAME).orElseThrow()));
  }

  private static List<Choice> choices(PointsService points, Templates templates) {
    return points.catalogue().stream()
        .filter(CatalogueItem::active)
        .map(i -> new Choice(templates.render("redeem.item", itemValues(i)), i.code()))
        .toList();
  }

  private static Map<String, Object> itemValues(CatalogueItem i) {
    Map<String, Object> v = new HashMap<>();
    v.put("name", i.name());
    v.put("cost", i.cost());
    if (i.stock() != null) {
      v.put("stock", i.stock());
      if (i.stock() == 0) {
        v.put("sold_out", true);
      }
    }
    return v;
  }

  private static Optional<String> item(PointsService points, String text) {
    String t = text.strip();
    return points.catalogue().stream()
        .filter(CatalogueItem::active)
        .filter(i -> i.name().equals(t) || i.code().equalsIgnoreCase(t) || t.contains(i.name()))
        .map(CatalogueItem::code)
        .findFirst();
  }

  private static Optional<CatalogueItem> itemOf(PointsService points, Tracker t) {
    String code = t.slot(ITEM).orElse("");
    return points.catalogue().stream().filter(i -> i.code().equals(code)).findFirst();
  }

  static Optional<String> quantityIn(String text) {
    Matcher m = QUANTITY_IN_TEXT.matcher(TextNormalizer.toHalfWidth(text));
    return m.find() ? number(m.group(1)) : Optional.empty();
  }

  static Optional<String> quantity(String text) {
    String t = TextNormalizer.toHalfWidth(text).strip();
    Optional<String> named = quantityIn(t);
    if (named.isPresent()) {
      return named;
    }
    return PLAIN_QUANTITY.matcher(t).matches() ? number(t) : Optional.empty();
  }

  private static Optional<String> number(String n) {
    int value =
        Character.isDigit(n.charAt(0))
            ? Integer.parseInt(n)
            : n.equals("十") ? 10 : n.equals("两") ? 2 : "一二三四五六七八九".indexOf(n) + 1;
    return value >= 1 ? Optional.of(Integer.toString(value)) : Optional.empty();
  }

  private static Map<String, Object> values(PointsService points, AccountSlot account, Tracker t) {
    Map<String, Object> v = new HashMap<>(account.describe(t));
    int quantity = Integer.parseInt(t.slot(QUANTITY).orElse("1"));
    v.put("quantity", quantity);
    itemOf(points, t)
        .ifPresent(
            i -> {
              v.put("item", i.name());
              v.put("points", i.cost() * quantity);
            });
    v.putIfAbsent("item", t.slot(ITEM).orElse(""));
    v.putIfAbsent("points", "");
    return v;
  }

  private static List<Event> submit(
      PointsService points, AccountSlot account, Templates templates, Tracker t) {
    AccountNo no = new AccountNo(t.slot(AccountSlot.NAME).orElseThrow());
    String code = t.slot(ITEM).orElseThrow();
    int quantity = Integer.parseInt(t.slot(QUANTITY).orElse("1"));
    Map<String, Object> v = values(points, account, t);
    try {
      Redemption r = points.redeem(no, code, quantity, requestId(t));
      v.put("item", r.itemName());
      v.put("points", r.points());
      v.put("balance", points.balance(no));
      if (r.couponCode() != null) {
        v.put("coupon", r.couponCode());
        v.put("coupon_amount", r.couponAmount().stripTrailingZeros().toPlainString());
      }
      return List.of(templates.say("redeem.done", v));
    } catch (InsufficientPoints e) {
      v.put("balance", e.balance());
      v.put("needed", e.needed());
      return List.of(templates.say("redeem.insufficient", v));
    } catch (PointsItemOutOfStock e) {
      return List.of(templates.say("redeem.out_of_stock", v));
    } catch (QuantityNotAllowed e) {
      v.put("max", e.max());
      return List.of(templates.say("redeem.quantity_not_allowed", v));
    } catch (PointsItemNotFound e) {
      return List.of(templates.say("redeem.item_gone", v));
    } catch (AccountNotFound e) {
      return List.of(templates.say("redeem.account_gone", v));
    }
  }
}
