package io.gridbot.intents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;

import io.gridbot.dialog.ConversationId;
import io.gridbot.dialog.TurnOutcome;
import io.gridbot.dialog.channel.UserMessage;
import io.gridbot.service.account.AccountNo;
import io.gridbot.service.application.ApplicationRequest;
import io.gridbot.service.application.ApplicationType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;

/** 业扩报装 applications: types, capacity, a full ID number refused, photos, confirmation. */
class ApplyNewConnectionConversationTest extends VisitsHarness {

  @BeforeEach
  void submitted() {
    applicationsAreNumbered("A2026112700000007");
  }

  @Test
  void evChargerWithAFullIdNumberRefusedAndAPhoto() {
    assertThat(say("n1", "我要申请充电桩报装")).contains("用电地址");
    assertThat(say("n1", "幸福小区3栋地下车库12号车位")).contains("用电容量").contains("7千瓦");
    assertThat(say("n1", "7kW")).contains("申请人姓名");
    assertThat(say("n1", "张伟")).contains("身份证号码的后四位");
    assertThat(turn("n1", "330106199001011234").templates())
        .containsExactly("applicant.full_id_refused");
    assertThat(say("n1", "123x")).contains("联系您用哪个电话");
    assertThat(say("n1", "13912345678")).contains("材料的照片");
    TurnOutcome photo =
        processor.process(
            new UserMessage(
                new ConversationId("wechat", "n1"),
                null,
                "",
                Instant.now(),
                null,
                List.of("media-id-card")));
    assertThat(photo.templates()).containsExactly("connection.confirm");
    assertThat(photo.replies().get(0).asText())
        .contains("业务：充电桩")
        .contains("申请容量：7千瓦")
        .contains("申请人：张*")
        .contains("身份证后四位：123X")
        .contains("联系电话：139****5678")
        .contains("材料照片：1张")
        .doesNotContain("张伟")
        .doesNotContain("13912345678");
    assertThat(say("n1", "确认")).contains("A2026112700000007").contains("查进度");

    ArgumentCaptor<ApplicationRequest> request = ArgumentCaptor.forClass(ApplicationRequest.class);
    Mockito.verify(applications).submit(request.capture());
    ApplicationRequest r = request.getValue();
    assertThat(r.type()).isEqualTo(ApplicationType.EV_CHARGER);
    assertThat(r.requestedKw()).isEqualByComparingTo(new BigDecimal("7"));
    assertThat(r.name()).isEqualTo("张伟");
    assertThat(r.idLast4()).isEqualTo("123X");
    assertThat(r.documents()).containsExactly("media-id-card");
    assertThat(r.account()).isNull();
  }

  @Test
  void capacityIncreaseAsksForTheAccountAndSkipsPhotos() {
    bind("n2", "3300000001", "3300000002");
    assertThat(say("n2", "我家要申请增容")).contains("用电地址");
    say("n2", "幸福小区5栋1单元302");
    assertThat(say("n2", "八千瓦")).contains("容量数字");
    say("n2", "25千瓦");
    say("n2", "李娜");
    say("n2", "0002");
    assertThat(say("n2", "13800000002")).contains("哪个户号");
    say("n2", "2");
    assertThat(say("n2", "跳过")).contains("户号：3300****02").contains("25千瓦");
    say("n2", "确认");
    ArgumentCaptor<ApplicationRequest> request = ArgumentCaptor.forClass(ApplicationRequest.class);
    Mockito.verify(applications).submit(request.capture());
    assertThat(request.getValue().account()).isEqualTo(new AccountNo("3300000002"));
    assertThat(request.getValue().documents()).isEmpty();
  }

  @Test
  void aNewConnectionNamedAtOnceAndCancellingSubmitsNothing() {
    // 业扩报装 names the catalogue's new connection: no need to ask the type
    assertThat(say("n3", "我想办理业扩报装")).contains("用电地址");
    assertThat(say("n3", "算了不办了")).contains("没有提交申请");
    Mockito.verify(applications, Mockito.never()).submit(any());
  }
}
