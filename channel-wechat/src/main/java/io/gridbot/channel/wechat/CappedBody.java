package io.gridbot.channel.wechat;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Reads a request body up to a size, never more, for the endpoints WeChat posts to. */
public final class CappedBody {

  private CappedBody() {}

  /**
   * The body's bytes, or empty when it is over {@code max} bytes (by its declared length or by what
   * arrives).
   */
  public static Optional<byte[]> read(HttpServletRequest request, int max) throws IOException {
    if (request.getContentLengthLong() > max) {
      return Optional.empty();
    }
    try (InputStream in = request.getInputStream()) {
      byte[] bytes = in.readNBytes(max + 1);
      return bytes.length > max ? Optional.empty() : Optional.of(bytes);
    }
  }
}
