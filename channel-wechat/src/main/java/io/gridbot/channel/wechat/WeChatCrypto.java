package io.gridbot.channel.wechat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat's message signatures and safe-mode encryption: SHA-1 over the sorted parts, compared in
 * constant time; AES-256-CBC with the EncodingAESKey (IV its first 16 bytes), PKCS#7 padding to
 * 32-byte blocks, over {@code random(16) | length(4, big endian) | xml | appid}.
 */
final class WeChatCrypto {

  private static final int BLOCK = 32;

  private WeChatCrypto() {}

  /** SHA-1 of the parts sorted and concatenated, in lowercase hex. */
  static String signature(String... parts) {
    String[] sorted = parts.clone();
    Arrays.sort(sorted);
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      byte[] digest = sha1.digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder(40);
      for (byte b : digest) {
        hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether {@code given} is the signature of the parts; constant time in its length. */
  static boolean verify(String given, String... parts) {
    if (given == null) {
      return false;
    }
    byte[] expected = signature(parts).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(
        expected, given.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
  }

  /** A decrypted message: its XML and the appid it was encrypted for. */
  record Plain(String xml, String appId) {}

  /**
   * Decrypts a safe-mode {@code Encrypt} value.
   *
   * @throws IllegalArgumentException when it is not valid base64 or does not decrypt to a message
   */
  static Plain decrypt(String aesKey, String encrypted) {
    byte[] key = key(aesKey);
    byte[] data;
    try {
      data = Base64.getDecoder().decode(encrypted.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Encrypt is not base64");
    }
    if (data.length == 0 || data.length % 16 != 0) {
      throw new IllegalArgumentException("Encrypt is not a whole number of AES blocks");
    }
    byte[] plain;
    try {
      Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new IvParameterSpec(Arrays.copyOfRange(key, 0, 16)));
      plain = cipher.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("Encrypt does not decrypt with this account's key");
    }
    int pad = plain[plain.length - 1] & 0xff;
    if (pad < 1 || pad > BLOCK || pad > plain.length) {
      throw new IllegalArgumentException("bad padding in the decrypted message");
    }
    byte[] content = Arrays.copyOfRange(plain, 0, plain.length - pad);
    if (content.length < 20) {
      throw new IllegalArgumentException("decrypted message too short");
    }
    int length = ByteBuffer.wrap(content, 16, 4).getInt();
    if (length < 0 || 20 + length > content.length) {
      throw new IllegalArgumentException("bad length in the decrypted message");
    }
    String xml = new String(content, 20, length, StandardCharsets.UTF_8);
    String appId =
        new String(content, 20 + length, content.length - 20 - length, StandardCharsets.UTF_8);
    return new Plain(xml, appId);
  }

  /** Encrypts {@code xml} for {@code appId} with the given 16-character random prefix. */
  static String encrypt(String aesKey, String appId, String random, String xml) {
    byte[] key = key(aesKey);
    byte[] body = xml.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(random.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(ByteBuffer.allocate(4).putInt(body.length).array());
    out.writeBytes(body);
    out.writeBytes(appId.getBytes(StandardCharsets.UTF_8));
    int pad = BLOCK - (out.size() % BLOCK);
    for (int i = 0; i < pad; i++) {
      out.write(pad);
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new IvParameterSpec(Arrays.copyOfRange(key, 0, 16)));
      return Base64.getEncoder().encodeToString(cipher.doFinal(out.toByteArray()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] key(String aesKey) {
    byte[] key = Base64.getDecoder().decode(aesKey + "=");
    if (key.length != 32) {
      throw new IllegalArgumentException("an EncodingAESKey decodes to 32 bytes");
    }
    return key;
  }
}
