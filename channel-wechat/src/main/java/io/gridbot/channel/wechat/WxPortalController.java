package io.gridbot.channel.wechat;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The webhook of the official accounts, {@code /wx/portal/{appid}}, in plaintext, compatible and
 * safe (AES) mode. Every request is checked in this order, before its body is parsed: the account
 * (404), the signature (403), the timestamp against replays (403), the body's size (413) and the
 * absence of DOCTYPE or entities (400). Replies are passive XML of the right type, encrypted in
 * safe mode; {@code success} when there is nothing to say or the reply comes later.
 */
@RestController
class WxPortalController {

  private static final Logger log = LoggerFactory.getLogger(WxPortalController.class);
  private static final MediaType XML =
      new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8);
  private static final Pattern DOCTYPE =
      Pattern.compile("<!\\s*(DOCTYPE|ENTITY)", Pattern.CASE_INSENSITIVE);
  private static final Pattern ENCRYPT =
      Pattern.compile("<Encrypt>\\s*(?:<!\\[CDATA\\[)?([A-Za-z0-9+/=\\s]+?)(?:]]>)?\\s*</Encrypt>");
  private static final String SAX_FACTORY = "javax.xml.parsers.SAXParserFactory";
  private static final Duration FUTURE_SKEW = Duration.ofSeconds(30);
  private static final String ALPHANUMERIC =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  static {
    // WxJava reads every message's fields with dom4j, which asks JAXP for a SAX parser each time;
    // without this property JAXP scans the class path for providers on every call (14% of a
    // request's CPU in the profile, README "Performance"). It names the JDK's own parser, which is
    // what the scan finds anyway.
    if (System.getProperty(SAX_FACTORY) == null) {
      System.setProperty(
          SAX_FACTORY, "com.sun.org.apache.xerces.internal.jaxp.SAXParserFactoryImpl");
    }
  }

  private final WeChatAccounts accounts;
  private final WeChatSettings settings;
  private final WeChatInbound inbound;
  private final WeChatTurns turns;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  @org.springframework.beans.factory.annotation.Autowired
  WxPortalController(
      WeChatAccounts accounts, WeChatSettings settings, WeChatInbound inbound, WeChatTurns turns) {
    this(accounts, settings, inbound, turns, Clock.systemUTC());
  }

  WxPortalController(
      WeChatAccounts accounts,
      WeChatSettings settings,
      WeChatInbound inbound,
      WeChatTurns turns,
      Clock clock) {
    this.accounts = accounts;
    this.settings = settings;
    this.inbound = inbound;
    this.turns = turns;
    this.clock = clock;
  }

  /** WeChat's check of the server's URL: echoes {@code echostr} when the signature is right. */
  @GetMapping(path = "/wx/portal/{appid}", produces = MediaType.TEXT_PLAIN_VALUE)
  ResponseEntity<String> verify(
      @PathVariable String appid,
      @RequestParam(required = false) String signature,
      @RequestParam(required = false) String timestamp,
      @RequestParam(required = false) String nonce,
      @RequestParam(required = false) String echostr) {
    WeChatSettings.Account account = account(appid);
    checkSignature(account, signature, timestamp, nonce);
    checkTimestamp(account, timestamp);
    if (echostr == null || echostr.isBlank() || echostr.length() > 128) {
      throw new Refused(HttpStatus.BAD_REQUEST, "missing or oversized echostr");
    }
    return ResponseEntity.ok(echostr);
  }

  @PostMapping(path = "/wx/portal/{appid}")
  ResponseEntity<String> receive(
      @PathVariable String appid,
      @RequestParam(required = false) String signature,
      @RequestParam(required = false) String timestamp,
      @RequestParam(required = false) String nonce,
      @RequestParam(name = "encrypt_type", required = false) String encryptType,
      @RequestParam(name = "msg_signature", required = false) String msgSignature,
      HttpServletRequest request)
      throws IOException {
    WeChatSettings.Account account = account(appid);
    checkSignature(account, signature, timestamp, nonce);
    checkTimestamp(account, timestamp);
    String body = body(request);
    boolean encrypted = "aes".equalsIgnoreCase(encryptType);
    String xml = encrypted ? decrypt(account, body, timestamp, nonce, msgSignature) : body;
    WxMpXmlMessage in = parse(xml);
    if (in.getToUser() == null) {
      throw new Refused(HttpStatus.BAD_REQUEST, "message without ToUserName");
    }
    WeChatUser user;
    try {
      user = new WeChatUser(appid, in.getFromUser());
    } catch (IllegalArgumentException e) {
      throw new Refused(HttpStatus.BAD_REQUEST, "bad FromUserName");
    }
    Optional<String> reply =
        turns.answer(WeChatInbound.dedupeKey(appid, in), user, () -> inbound.handle(user, in));
    if (reply.isEmpty()) {
      return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("success");
    }
    String out =
        WxMpXmlOutMessage.TEXT()
            .content(reply.get())
            .fromUser(in.getToUser())
            .toUser(in.getFromUser())
            .build()
            .toXml();
    return ResponseEntity.ok().contentType(XML).body(encrypted ? encrypt(account, out) : out);
  }

  private WeChatSettings.Account account(String appid) {
    return accounts
        .account(appid)
        .orElseThrow(() -> new Refused(HttpStatus.NOT_FOUND, "no official account " + clip(appid)));
  }

  private static void checkSignature(
      WeChatSettings.Account account, String signature, String timestamp, String nonce) {
    if (signature == null || timestamp == null || nonce == null) {
      throw new Refused(HttpStatus.FORBIDDEN, "missing signature, timestamp or nonce");
    }
    if (!WeChatCrypto.verify(signature, account.token(), timestamp, nonce)) {
      throw new Refused(HttpStatus.FORBIDDEN, "bad signature for " + account.appId());
    }
  }

  private void checkTimestamp(WeChatSettings.Account account, String timestamp) {
    Instant at;
    try {
      at = Instant.ofEpochSecond(Long.parseLong(timestamp));
    } catch (RuntimeException e) {
      throw new Refused(HttpStatus.FORBIDDEN, "timestamp is not a number");
    }
    Instant now = clock.instant();
    if (at.isBefore(now.minus(settings.maxClockSkew())) || at.isAfter(now.plus(FUTURE_SKEW))) {
      throw new Refused(
          HttpStatus.FORBIDDEN,
          "timestamp " + timestamp + " outside the replay window (" + account.appId() + ")");
    }
  }

  private String body(HttpServletRequest request) throws IOException {
    int max = settings.maxBodyBytes();
    byte[] bytes =
        CappedBody.read(request, max)
            .orElseThrow(
                () -> new Refused(HttpStatus.CONTENT_TOO_LARGE, "body over " + max + " bytes"));
    String body = new String(bytes, StandardCharsets.UTF_8);
    if (body.isBlank()) {
      throw new Refused(HttpStatus.BAD_REQUEST, "empty body");
    }
    refuseDoctype(body);
    return body;
  }

  private String decrypt(
      WeChatSettings.Account account,
      String body,
      String timestamp,
      String nonce,
      String msgSignature) {
    if (!account.encrypted()) {
      throw new Refused(
          HttpStatus.BAD_REQUEST, "encrypted message but no EncodingAESKey configured");
    }
    Matcher m = ENCRYPT.matcher(body);
    if (!m.find()) {
      throw new Refused(HttpStatus.BAD_REQUEST, "encrypted message without Encrypt");
    }
    String encrypt = m.group(1).replaceAll("\\s", "");
    if (!WeChatCrypto.verify(msgSignature, account.token(), timestamp, nonce, encrypt)) {
      throw new Refused(HttpStatus.FORBIDDEN, "bad msg_signature for " + account.appId());
    }
    WeChatCrypto.Plain plain;
    try {
      plain = WeChatCrypto.decrypt(account.aesKey(), encrypt);
    } catch (IllegalArgumentException e) {
      throw new Refused(HttpStatus.BAD_REQUEST, "undecryptable message: " + e.getMessage());
    }
    if (!account.appId().equals(plain.appId())) {
      throw new Refused(
          HttpStatus.FORBIDDEN, "message encrypted for another appid, not " + account.appId());
    }
    refuseDoctype(plain.xml());
    return plain.xml();
  }

  private String encrypt(WeChatSettings.Account account, String xml) {
    String nonce = randomString(10);
    String timestamp = Long.toString(clock.instant().getEpochSecond());
    String encrypt = WeChatCrypto.encrypt(account.aesKey(), account.appId(), randomString(16), xml);
    String signature = WeChatCrypto.signature(account.token(), timestamp, nonce, encrypt);
    return "<xml><Encrypt><![CDATA["
        + encrypt
        + "]]></Encrypt><MsgSignature><![CDATA["
        + signature
        + "]]></MsgSignature><TimeStamp>"
        + timestamp
        + "</TimeStamp><Nonce><![CDATA["
        + nonce
        + "]]></Nonce></xml>";
  }

  private static WxMpXmlMessage parse(String xml) {
    WxMpXmlMessage in;
    try {
      in = WxMpXmlMessage.fromXml(xml);
    } catch (RuntimeException e) {
      throw new Refused(HttpStatus.BAD_REQUEST, "malformed XML");
    }
    if (in == null
        || in.getMsgType() == null
        || in.getFromUser() == null
        || in.getCreateTime() == null) {
      throw new Refused(
          HttpStatus.BAD_REQUEST, "message without MsgType, FromUserName or CreateTime");
    }
    in.setMsgType(in.getMsgType().toLowerCase(Locale.ROOT));
    return in;
  }

  private static void refuseDoctype(String xml) {
    if (DOCTYPE.matcher(xml).find()) {
      throw new Refused(HttpStatus.BAD_REQUEST, "XML with a DOCTYPE or entity");
    }
  }

  private String randomString(int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
    }
    return sb.toString();
  }

  private static String clip(String s) {
    return s.length() > 32 ? s.substring(0, 32) + "…" : s;
  }

  /** A request refused before anything was done, with the status it gets. */
  static final class Refused extends RuntimeException {
    final HttpStatus status;

    Refused(HttpStatus status, String reason) {
      super(reason);
      this.status = status;
    }
  }

  /** Maps refusals and failures to plain answers, logging each with its reason. */
  @org.springframework.web.bind.annotation.RestControllerAdvice(
      assignableTypes = WxPortalController.class)
  static class Errors {

    @org.springframework.web.bind.annotation.ExceptionHandler(Refused.class)
    ResponseEntity<String> refused(Refused e) {
      log.warn("WeChat webhook refused ({}): {}", e.status.value(), e.getMessage());
      return ResponseEntity.status(e.status)
          .contentType(MediaType.TEXT_PLAIN)
          .body(e.status.getReasonPhrase());
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(WeChatInbound.MalformedMessage.class)
    ResponseEntity<String> malformed(WeChatInbound.MalformedMessage e) {
      return refused(new Refused(HttpStatus.BAD_REQUEST, e.getMessage()));
    }

    /** The message could not be handled now (database or state store down): WeChat retries. */
    @org.springframework.web.bind.annotation.ExceptionHandler({
      WeChatTurns.TurnFailed.class,
      io.gridbot.dialog.store.StateUnavailable.class
    })
    ResponseEntity<String> failed(RuntimeException e) {
      log.error("WeChat message not handled, WeChat will retry", e);
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .contentType(MediaType.TEXT_PLAIN)
          .body("retry");
    }
  }
}
