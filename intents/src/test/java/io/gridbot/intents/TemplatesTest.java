package io.gridbot.intents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplatesTest {

  private final Templates templates = new Templates();

  @Test
  void placeholdersAreFilled() {
    assertThat(templates.render("bind.not_found", Map.of("account", "3300000009")))
        .isEqualTo("没有找到户号3300000009，请核对后重新发送“绑定户号”。");
  }

  @Test
  void unknownKeyAndMissingValueAreErrors() {
    assertThatIllegalArgumentException().isThrownBy(() -> templates.render("no.such"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> templates.render("bind.not_found"))
        .withMessageContaining("account");
  }
}
