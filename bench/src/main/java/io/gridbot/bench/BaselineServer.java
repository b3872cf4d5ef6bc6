package io.gridbot.bench;

import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bare baseline: a minimal Spring Boot + WxJava webhook that verifies the signature, parses the
 * message and answers a fixed text — no NLU, no database, no Redis. It also stands in for WeChat's
 * API (access token, customer-service messages) while gridbot is measured, so that late replies
 * have somewhere to go.
 */
@SpringBootApplication
@RestController
public class BaselineServer {

  static final String TOKEN = System.getProperty("bench.token", "bench-token");

  public static void main(String[] args) {
    SpringApplication.run(BaselineServer.class, args);
  }

  @Bean
  WxMpService wxMpService() {
    WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
    config.setAppId(LoadGenerator.APP_ID);
    config.setToken(TOKEN);
    WxMpService service = new WxMpServiceImpl();
    service.setWxMpConfigStorage(config);
    return service;
  }

  private final java.util.concurrent.atomic.AtomicLong customerService =
      new java.util.concurrent.atomic.AtomicLong();

  @PostMapping(path = "/wx/portal/{appid}", produces = MediaType.APPLICATION_XML_VALUE)
  ResponseEntity<String> portal(
      @PathVariable String appid,
      @RequestParam String signature,
      @RequestParam String timestamp,
      @RequestParam String nonce,
      @RequestBody String body) {
    if (!wxMpService().checkSignature(timestamp, nonce, signature)) {
      return ResponseEntity.status(403).body("forbidden");
    }
    WxMpXmlMessage in = WxMpXmlMessage.fromXml(body);
    return ResponseEntity.ok(
        WxMpXmlOutMessage.TEXT()
            .content("您好，这是基线回复。")
            .fromUser(in.getToUser())
            .toUser(in.getFromUser())
            .build()
            .toXml());
  }

  // WeChat's API, as gridbot calls it during a run

  @GetMapping(path = "/cgi-bin/token", produces = MediaType.APPLICATION_JSON_VALUE)
  String token() {
    return "{\"access_token\":\"bench-access-token\",\"expires_in\":7200}";
  }

  @PostMapping(path = "/cgi-bin/stable_token", produces = MediaType.APPLICATION_JSON_VALUE)
  String stableToken() {
    return token();
  }

  @PostMapping(path = "/cgi-bin/message/custom/send", produces = MediaType.APPLICATION_JSON_VALUE)
  String customerServiceMessage() {
    customerService.incrementAndGet();
    return "{\"errcode\":0,\"errmsg\":\"ok\"}";
  }

  @GetMapping(path = "/bench/customer-service-count", produces = MediaType.TEXT_PLAIN_VALUE)
  String customerServiceCount() {
    return Long.toString(customerService.get());
  }
}
