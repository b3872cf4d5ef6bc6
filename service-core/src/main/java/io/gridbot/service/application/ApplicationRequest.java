package io.gridbot.service.application;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What an applicant submits. Rejects bad input on construction; messages never repeat personal
 * data.
 *
 * @param name the applicant's name, 1 to 32 characters after trimming
 * @param idLast4 the last four characters of the applicant's ID number: three digits and a digit or
 *     X ({@code x} is upper-cased). A full ID number is refused: it must never be stored
 * @param phone a mainland mobile or a landline with area code
 * @param address 1 to 255 characters after trimming
 * @param account required for {@link ApplicationType#needsAccount()} types, optional otherwise
 * @param requestedKw kW with at most two decimals, above 0 and at most 10000; required for {@link
 *     ApplicationType#needsCapacity()} types and refused for the others
 * @param documents references of uploaded media (a WeChat media id, a storage key), at most 20 of 1
 *     to 255 characters; null means none
 * @throws NullPointerException if type or applicant is null
 * @throws IllegalArgumentException if anything else is missing or malformed
 */
public record ApplicationRequest(
    ApplicationType type,
    ChannelUser applicant,
    String name,
    String idLast4,
    String phone,
    String address,
    AccountNo account,
    BigDecimal requestedKw,
    List<String> documents) {

  static final int MAX_DOCUMENTS = 20;
  private static final BigDecimal MAX_KW = new BigDecimal("10000.00");
  private static final Pattern ID_LAST4 = Pattern.compile("\\d{3}[\\dX]");
  private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
  private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");

  public ApplicationRequest {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(applicant, "applicant");
    name = required(name, "name", 32);
    if (idLast4 == null || !ID_LAST4.matcher(idLast4.toUpperCase()).matches()) {
      throw new IllegalArgumentException(
          "ID number: give exactly its last four characters (digits, the last may be X)");
    }
    idLast4 = idLast4.toUpperCase();
    if (phone == null || !(MOBILE.matcher(phone).matches() || LANDLINE.matcher(phone).matches())) {
      throw new IllegalArgumentException(
          "phone must be a mobile (11 digits) or a landline with area code");
    }
    address = required(address, "address", 255);
    if (type.needsAccount() && account == null) {
      throw new IllegalArgumentException(type + " applications must name the account");
    }
    requestedKw = capacity(type, requestedKw);
    documents = documents(documents);
  }

  private static String required(String value, String what, int max) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    String stripped = value.strip();
    if (stripped.length() > max) {
      throw new IllegalArgumentException(what + " must be at most " + max + " characters");
    }
    return stripped;
  }

  private static BigDecimal capacity(ApplicationType type, BigDecimal kw) {
    if (!type.needsCapacity()) {
      if (kw != null) {
        throw new IllegalArgumentException(type + " applications take no requested capacity");
      }
      return null;
    }
    if (kw == null) {
      throw new IllegalArgumentException(type + " applications must state the capacity in kW");
    }
    if (kw.signum() <= 0 || kw.compareTo(MAX_KW) > 0) {
      throw new IllegalArgumentException("capacity must be above 0 and at most 10000 kW: " + kw);
    }
    try {
      return kw.setScale(2, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("capacity must have at most two decimals: " + kw, e);
    }
  }

  private static List<String> documents(List<String> documents) {
    if (documents == null) {
      return List.of();
    }
    if (documents.size() > MAX_DOCUMENTS) {
      throw new IllegalArgumentException("at most " + MAX_DOCUMENTS + " documents");
    }
    for (String ref : documents) {
      if (ref == null || ref.isBlank() || ref.length() > 255) {
        throw new IllegalArgumentException("document references must be 1 to 255 characters");
      }
    }
    return List.copyOf(documents);
  }
}
