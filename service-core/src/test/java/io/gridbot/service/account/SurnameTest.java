package io.gridbot.service.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SurnameTest {

  @Test
  void reads_the_surname_out_of_how_customers_state_it() {
    assertThat(Surname.parse("张")).contains(new Surname("张"));
    assertThat(Surname.parse("姓张")).contains(new Surname("张"));
    assertThat(Surname.parse("我姓张")).contains(new Surname("张"));
    assertThat(Surname.parse("户主姓张")).contains(new Surname("张"));
    assertThat(Surname.parse("张先生")).contains(new Surname("张"));
    assertThat(Surname.parse(" 欧阳女士。")).contains(new Surname("欧阳"));
  }

  @Test
  void rejects_what_is_not_a_surname() {
    assertThat(Surname.parse("1234")).isEmpty();
    assertThat(Surname.parse("我不记得了呀")).isEmpty();
    assertThat(Surname.parse("")).isEmpty();
    assertThat(Surname.parse(null)).isEmpty();
    assertThatThrownBy(() -> new Surname("Z")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void matches_the_beginning_of_the_holders_name_and_hides_itself() {
    assertThat(new Surname("张").matches("张伟")).isTrue();
    assertThat(new Surname("欧阳").matches("欧阳娜娜")).isTrue();
    assertThat(new Surname("李").matches("张伟")).isFalse();
    assertThat(new Surname("张").matches(" ")).isFalse();
    assertThat(new Surname("张").toString()).doesNotContain("张");
  }
}
