package io.gridbot.channel.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Photos customers upload in the web chat (a fault, an application's documents), kept as files in
 * {@code gridbot.web.photos.dir} under a random name. A photo's reference, which goes into the
 * message's images and from there into a ticket or application, is its path on this server: {@code
 * /api/robot/photos/<32 hex>.jpg}. Only JPEG, PNG and WebP are taken, recognised by their content.
 */
@Component
class PhotoStore {

  static final String PATH = "/api/robot/photos/";
  private static final Pattern NAME = Pattern.compile("([0-9a-f]{32})\\.(jpg|png|webp)");
  private static final Pattern REFERENCE = Pattern.compile(Pattern.quote(PATH) + NAME.pattern());
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path dir;
  private final long maxBytes;

  PhotoStore(WebSettings settings) {
    this.dir = settings.photos().dir().toAbsolutePath().normalize();
    this.maxBytes = settings.photos().maxSize().toBytes();
  }

  long maxBytes() {
    return maxBytes;
  }

  /** A photo that is not a JPEG, PNG or WebP image, or is empty. */
  static final class NotAPhoto extends RuntimeException {
    NotAPhoto() {
      super("a photo must be a JPEG, PNG or WebP image");
    }
  }

  /**
   * Stores the image.
   *
   * @return its reference
   * @throws NotAPhoto when the bytes are not an image of a supported type
   */
  String store(byte[] image) {
    String extension = extensionOf(image).orElseThrow(NotAPhoto::new);
    try {
      Files.createDirectories(dir);
      String name = HexFormat.of().formatHex(randomBytes()) + "." + extension;
      Files.write(dir.resolve(name), image, StandardOpenOption.CREATE_NEW);
      return PATH + name;
    } catch (FileAlreadyExistsException e) {
      return store(image);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store photo in " + dir, e);
    }
  }

  /** Whether the reference names a photo stored here. */
  boolean exists(String reference) {
    Matcher m = reference == null ? null : REFERENCE.matcher(reference);
    return m != null
        && m.matches()
        && Files.isRegularFile(dir.resolve(m.group(1) + "." + m.group(2)));
  }

  /**
   * The stored photo of that file name ({@code <32 hex>.jpg}).
   *
   * @return its bytes and media type; empty when the name is malformed or unknown
   */
  Optional<Photo> read(String name) {
    Matcher m = NAME.matcher(name);
    if (!m.matches()) {
      return Optional.empty();
    }
    Path file = dir.resolve(name);
    try {
      return Optional.of(new Photo(Files.readAllBytes(file), mediaType(m.group(2))));
    } catch (java.nio.file.NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read photo " + name, e);
    }
  }

  record Photo(byte[] bytes, String mediaType) {}

  static Optional<String> extensionOf(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
      return Optional.of("jpg");
    }
    if (b.length >= 8
        && (b[0] & 0xff) == 0x89
        && b[1] == 'P'
        && b[2] == 'N'
        && b[3] == 'G'
        && b[4] == 0x0d
        && b[5] == 0x0a
        && b[6] == 0x1a
        && b[7] == 0x0a) {
      return Optional.of("png");
    }
    if (b.length >= 12
        && b[0] == 'R'
        && b[1] == 'I'
        && b[2] == 'F'
        && b[3] == 'F'
        && b[8] == 'W'
        && b[9] == 'E'
        && b[10] == 'B'
        && b[11] == 'P') {
      return Optional.of("webp");
    }
    return Optional.empty();
  }

  private static String mediaType(String extension) {
    return switch (extension) {
      case "jpg" -> "image/jpeg";
      case "png" -> "image/png";
      default -> "image/webp";
    };
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
