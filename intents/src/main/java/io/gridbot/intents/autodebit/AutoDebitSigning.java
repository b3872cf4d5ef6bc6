package io.gridbot.intents.autodebit;

import io.gridbot.service.autodebit.AutoDebitService;
import java.util.Objects;

/** The auto-debit service and where its signing page is. */
public record AutoDebitSigning(AutoDebitService service, AutoDebitLinks links) {
  public AutoDebitSigning {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(links, "links");
  }
}
