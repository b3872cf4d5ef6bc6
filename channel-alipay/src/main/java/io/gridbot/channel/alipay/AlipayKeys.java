package io.gridbot.channel.alipay;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The channel's keys, checked at start: the private key must be an RSA PKCS#8 key, Alipay's public
 * key an X.509 RSA key, and in the {@code prod} profile Alipay's key must not be the application's
 * own public key (derived here from the private key): with it configured, anyone holding the
 * application's key could forge Alipay's messages and payment notifications.
 */
@Component
class AlipayKeys {

  private final String appPublicKey;

  @org.springframework.beans.factory.annotation.Autowired
  AlipayKeys(AlipaySettings settings, Environment environment) {
    this(settings, Arrays.asList(environment.getActiveProfiles()).contains("prod"));
  }

  AlipayKeys(AlipaySettings settings, boolean prod) {
    this.appPublicKey = publicKeyOf(settings.appPrivateKey());
    String alipay = settings.alipayPublicKey();
    try {
      KeyFactory.getInstance("RSA")
          .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(alipay)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "gridbot.alipay.alipay-public-key is not a Base64 X.509 RSA public key");
    }
    if (prod && alipay.equals(appPublicKey)) {
      throw new IllegalStateException(
          "gridbot.alipay.alipay-public-key is the application's own public key: configure"
              + " Alipay's public key (from the Alipay open platform), not the app's");
    }
  }

  /** The application's public key, Base64 X.509, as uploaded to Alipay. */
  String appPublicKey() {
    return appPublicKey;
  }

  /** The public key (Base64 X.509) of a Base64 PKCS#8 RSA private key. */
  static String publicKeyOf(String privateKey) {
    try {
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      var key =
          rsa.generatePrivate(
              new PKCS8EncodedKeySpec(Base64.getDecoder().decode(normalise(privateKey))));
      if (!(key instanceof RSAPrivateCrtKey crt)) {
        throw new IllegalStateException("gridbot.alipay.app-private-key lacks its public part");
      }
      var pub = rsa.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
      return Base64.getEncoder().encodeToString(pub.getEncoded());
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "gridbot.alipay.app-private-key is not a Base64 PKCS#8 RSA private key");
    }
  }

  static String normalise(String key) {
    return key.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
  }
}
