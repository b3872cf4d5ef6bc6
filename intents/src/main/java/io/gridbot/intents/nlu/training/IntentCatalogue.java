package io.gridbot.intents.nlu.training;

import java.util.List;

/** The intent ids of shared/INTENTS.md: fixed, none renamed, merged or dropped. */
public final class IntentCatalogue {

  /** Every intent the assistant is trained on. */
  public static final List<String> INTENTS =
      List.of(
          "check_balance",
          "check_bill",
          "pay_bill",
          "report_fault",
          "outage_query",
          "book_appointment",
          "cancel_appointment",
          "apply_new_connection",
          "account_change",
          "check_progress",
          "bind_account",
          "unbind_account",
          "subscribe_notice",
          "unsubscribe_notice",
          "points_query",
          "points_redeem",
          "auto_debit",
          "invoice",
          "tariff_query",
          "energy_advice",
          "human_agent",
          "complaint",
          "greeting",
          "thanks_bye",
          "affirm",
          "deny",
          "out_of_scope");

  private IntentCatalogue() {}
}
