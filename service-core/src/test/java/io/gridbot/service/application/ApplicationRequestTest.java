package io.gridbot.service.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApplicationRequestTest {

  private static final ChannelUser USER = new ChannelUser("wechat", "oUser");
  private static final AccountNo ACCOUNT = new AccountNo("3300000001");

  private static ApplicationRequest request(
      ApplicationType type, String idLast4, AccountNo account, BigDecimal kw, List<String> docs) {
    return new ApplicationRequest(
        type, USER, " 张伟 ", idLast4, "13800005678", "幸福小区3栋", account, kw, docs);
  }

  @Test
  void normalises_what_it_keeps() {
    ApplicationRequest request =
        request(ApplicationType.EV_CHARGER, "123x", null, new BigDecimal("7.5"), null);

    assertThat(request.name()).isEqualTo("张伟");
    assertThat(request.idLast4()).isEqualTo("123X");
    assertThat(request.requestedKw()).isEqualTo(new BigDecimal("7.50"));
    assertThat(request.documents()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"330102199001011234", "1234567", "123", "12X4", "abcd", ""})
  void never_takes_more_than_the_last_four_characters_of_an_id_number(String id) {
    assertThatThrownBy(() -> request(ApplicationType.RENAME, id, ACCOUNT, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .contains("last four")
        .doesNotContain("330102199001011234");
  }

  @Test
  void account_changes_need_the_account_and_take_no_capacity() {
    assertThatThrownBy(() -> request(ApplicationType.TRANSFER, "1234", null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("account");
    assertThatThrownBy(
            () -> request(ApplicationType.CLOSE_ACCOUNT, "1234", ACCOUNT, BigDecimal.TEN, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no requested capacity");
  }

  @Test
  void connections_need_a_sensible_capacity() {
    assertThatThrownBy(() -> request(ApplicationType.LOW_VOLTAGE_NEW, "1234", null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    for (String kw : new String[] {"0", "-1", "10000.01", "7.123"}) {
      assertThatThrownBy(
              () ->
                  request(ApplicationType.TEMPORARY_SUPPLY, "1234", null, new BigDecimal(kw), null))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(
            request(
                    ApplicationType.CAPACITY_INCREASE,
                    "1234",
                    ACCOUNT,
                    new BigDecimal("10000"),
                    null)
                .requestedKw())
        .isEqualTo(new BigDecimal("10000.00"));
  }

  @Test
  void documents_are_bounded() {
    List<String> many = Collections.nCopies(21, "media");
    List<String> blank = new ArrayList<>(List.of("media", " "));

    assertThatThrownBy(() -> request(ApplicationType.RENAME, "1234", ACCOUNT, null, many))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> request(ApplicationType.RENAME, "1234", ACCOUNT, null, blank))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void name_phone_and_address_are_required_and_checked() {
    assertThatThrownBy(
            () ->
                new ApplicationRequest(
                    ApplicationType.RENAME,
                    USER,
                    " ",
                    "1234",
                    "13800005678",
                    "地址",
                    ACCOUNT,
                    null,
                    null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new ApplicationRequest(
                    ApplicationType.RENAME, USER, "张伟", "1234", "12345", "地址", ACCOUNT, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .doesNotContain("12345");
    assertThatThrownBy(
            () ->
                new ApplicationRequest(
                    ApplicationType.RENAME,
                    USER,
                    "张伟",
                    "1234",
                    "13800005678",
                    "",
                    ACCOUNT,
                    null,
                    null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
