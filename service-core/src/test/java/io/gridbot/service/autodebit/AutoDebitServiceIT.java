package io.gridbot.service.autodebit;

import static io.gridbot.service.TestData.anAccount;
import static io.gridbot.service.TestData.newAccountNo;
import static io.gridbot.service.TestData.newWechatUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountNotFound;
import io.gridbot.service.account.ChannelUser;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Agreements against the real schema; every call commits, data is unique per test. */
@SpringBootTest
@ActiveProfiles("it")
class AutoDebitServiceIT {

  @Autowired AutoDebitService autoDebit;
  @Autowired JdbcTemplate jdbc;

  private final ChannelUser user = newWechatUser();

  @Test
  void an_account_in_good_standing_signs_pending_then_signed() {
    // given
    AccountNo no = anAccount().postpaid("0.00").insert(jdbc).accountNo();
    String request = request();

    // when
    Agreement pending = autoDebit.requestSigning(no, user, AutoDebitChannel.ALIPAY, request);
    Agreement signed = autoDebit.markSigned(request, "20265527000000000001");

    // then
    assertThat(pending.state()).isEqualTo(AgreementState.PENDING);
    assertThat(pending.agreementNo()).isNull();
    assertThat(signed.state()).isEqualTo(AgreementState.SIGNED);
    assertThat(
            jdbc.queryForObject(
                "SELECT agreement_no FROM auto_debit_agreement WHERE request_id = ?",
                String.class,
                request))
        .isEqualTo("20265527000000000001");
    assertThat(autoDebit.eligibility(no).reason()).isEqualTo(Eligibility.Reason.ALREADY_SIGNED);
    assertThat(autoDebit.markSigned(request, "20265527000000000001")).isEqualTo(signed);
  }

  @Test
  void signing_is_idempotent_per_request_id() {
    // given
    AccountNo no = anAccount().insert(jdbc).accountNo();
    String request = request();

    // when
    Agreement first = autoDebit.requestSigning(no, user, AutoDebitChannel.WECHAT, request);
    Agreement again = autoDebit.requestSigning(no, user, AutoDebitChannel.WECHAT, request);

    // then
    assertThat(again).isEqualTo(first);
    assertThat(rows(no)).isEqualTo(1);
    assertThatThrownBy(
            () -> autoDebit.requestSigning(no, newWechatUser(), AutoDebitChannel.WECHAT, request))
        .isInstanceOf(AutoDebitRequestConflict.class);
  }

  @Test
  void arrears_refuse_signing_unless_the_account_is_tagged() {
    // given
    AccountNo owing = anAccount().postpaid("86.40").insert(jdbc).accountNo();
    AccountNo tagged = anAccount().postpaid("86.40").insert(jdbc).accountNo();
    jdbc.update(
        "INSERT INTO customer_tag (account_no, tag, source, added_by, created_at)"
            + " VALUES (?, 'AUTO_DEBIT_ELIGIBLE', 'STAFF', 'staff1', CURRENT_TIMESTAMP(3))",
        tagged.value());

    // then
    assertThat(autoDebit.eligibility(owing).reason()).isEqualTo(Eligibility.Reason.ARREARS);
    assertThatThrownBy(
            () -> autoDebit.requestSigning(owing, user, AutoDebitChannel.ALIPAY, request()))
        .isInstanceOf(AutoDebitNotEligible.class);
    assertThat(rows(owing)).isZero();
    assertThat(autoDebit.eligibility(tagged).reason()).isEqualTo(Eligibility.Reason.TAGGED);
  }

  @Test
  void unsigning_cancels_pending_and_signed_agreements_and_keeps_them() {
    // given
    AccountNo no = anAccount().insert(jdbc).accountNo();
    String signedRequest = request();
    autoDebit.requestSigning(no, user, AutoDebitChannel.ALIPAY, signedRequest);
    autoDebit.markSigned(signedRequest, "A" + UUID.randomUUID().toString().substring(0, 20));

    // when
    var cancelled = autoDebit.unsign(no);

    // then
    assertThat(cancelled).extracting(Agreement::state).containsExactly(AgreementState.UNSIGNED);
    assertThat(autoDebit.agreementsOf(no)).hasSize(1);
    assertThatThrownBy(() -> autoDebit.unsign(no)).isInstanceOf(AgreementNotFound.class);
    assertThatThrownBy(() -> autoDebit.markSigned(signedRequest, "B1"))
        .isInstanceOf(AgreementTransitionNotAllowed.class);
  }

  @Test
  void unknown_accounts_and_bad_request_ids_are_refused() {
    assertThatThrownBy(() -> autoDebit.eligibility(newAccountNo()))
        .isInstanceOf(AccountNotFound.class);
    AccountNo no = anAccount().insert(jdbc).accountNo();
    assertThatThrownBy(() -> autoDebit.requestSigning(no, user, AutoDebitChannel.ALIPAY, "bad id!"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> autoDebit.markSigned(request(), "X1"))
        .isInstanceOf(AgreementNotFound.class);
  }

  private int rows(AccountNo no) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM auto_debit_agreement WHERE account_no = ?",
        Integer.class,
        no.value());
  }

  private static String request() {
    return "test:" + UUID.randomUUID();
  }
}
