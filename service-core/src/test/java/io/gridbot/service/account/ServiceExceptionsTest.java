package io.gridbot.service.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.service.ServiceException;
import org.junit.jupiter.api.Test;

class ServiceExceptionsTest {

  private final AccountNo no = new AccountNo("3300123456");
  private final ChannelUser user = new ChannelUser("wechat", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o");

  @Test
  void codes_are_stable() {
    assertThat(new AccountNotFound(no).code()).isEqualTo("account.not-found");
    assertThat(new VerificationFailed(user, no).code()).isEqualTo("binding.verification-failed");
    assertThat(new BindingNotFound(user, no).code()).isEqualTo("binding.not-found");
  }

  @Test
  void messages_name_the_account_masked_and_not_the_user_id() {
    for (ServiceException e :
        new ServiceException[] {
          new AccountNotFound(no), new VerificationFailed(user, no), new BindingNotFound(user, no)
        }) {
      assertThat(e.getMessage()).contains("3300****56").doesNotContain("3300123456");
      assertThat(e.getMessage()).doesNotContain(user.userId());
    }
  }
}
