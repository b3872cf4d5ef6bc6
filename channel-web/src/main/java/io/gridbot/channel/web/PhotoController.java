package io.gridbot.channel.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Photo uploads from the web chat: the page posts the image itself as the body ({@code image/jpeg},
 * {@code image/png} or {@code image/webp}, at most {@code gridbot.web.photos.max-size}), gets a
 * reference and sends it with its next message ({@code images}).
 */
@RestController
class PhotoController {

  private static final Logger log = LoggerFactory.getLogger(PhotoController.class);

  private final PhotoStore photos;

  PhotoController(PhotoStore photos) {
    this.photos = photos;
  }

  /**
   * @param reference what goes into a message's {@code images}; also where the photo is shown
   */
  record Uploaded(String reference) {}

  static final class PhotoTooLarge extends RuntimeException {
    PhotoTooLarge(long max) {
      super("a photo may be at most " + (max / 1024) + " KB");
    }
  }

  @PostMapping(path = "/api/robot/photos", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Uploaded> upload(
      @RequestParam(required = false) String sessionId, HttpServletRequest request)
      throws IOException {
    RobotRequest.validateSessionId(sessionId);
    String type = request.getContentType() == null ? "" : request.getContentType();
    if (!type.startsWith("image/")) {
      throw new InvalidRobotRequest("Content-Type", "must be image/jpeg, image/png or image/webp");
    }
    if (request.getContentLengthLong() > photos.maxBytes()) {
      throw new PhotoTooLarge(photos.maxBytes());
    }
    byte[] image;
    try (InputStream in = request.getInputStream()) {
      image = in.readNBytes((int) photos.maxBytes() + 1);
    }
    if (image.length > photos.maxBytes()) {
      throw new PhotoTooLarge(photos.maxBytes());
    }
    String reference = photos.store(image);
    log.info("web session {} uploaded photo {} ({} bytes)", sessionId, reference, image.length);
    return ResponseEntity.created(URI.create(reference)).body(new Uploaded(reference));
  }

  @GetMapping("/api/robot/photos/{name}")
  ResponseEntity<byte[]> photo(@PathVariable String name) {
    return photos
        .read(name)
        .map(
            p ->
                ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(p.mediaType()))
                    .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate())
                    .header("X-Content-Type-Options", "nosniff")
                    .body(p.bytes()))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  @ExceptionHandler(PhotoStore.NotAPhoto.class)
  ResponseEntity<ProblemDetail> notAPhoto(PhotoStore.NotAPhoto e) {
    return problem(HttpStatus.BAD_REQUEST, "Not a photo", "只能上传JPG、PNG或WebP格式的照片。", "not-a-photo");
  }

  @ExceptionHandler(PhotoTooLarge.class)
  ResponseEntity<ProblemDetail> tooLarge(PhotoTooLarge e) {
    return problem(
        HttpStatus.CONTENT_TOO_LARGE,
        "Photo too large",
        "照片太大了，请选一张不超过" + (photos.maxBytes() / 1024 / 1024) + "MB的照片。",
        "photo-too-large");
  }

  private static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String title, String detail, String type) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create("urn:gridbot:problem:" + type));
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
