package io.gridbot.channel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.unit.DataSize;

/** Photo uploads: a real image is stored; anything else is refused and nothing is kept. */
@WebMvcTest(PhotoController.class)
@Import({RobotExceptionHandler.class, PhotoControllerTest.Store.class})
class PhotoControllerTest {

  static final Path DIR = tempDir();

  @TestConfiguration(proxyBeanMethods = false)
  static class Store {
    @Bean
    PhotoStore photoStore() {
      return new PhotoStore(
          new WebSettings(new WebSettings.Photos(DIR, DataSize.ofKilobytes(64)), null));
    }
  }

  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13};

  @Autowired MockMvc mvc;

  @Test
  void a_png_is_stored_and_served_back() throws Exception {
    String reference =
        mvc.perform(
                post("/api/robot/photos")
                    .param("sessionId", "session-photo-1")
                    .contentType("image/png")
                    .content(PNG))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.reference").isString())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String path = reference.replaceAll(".*\"(/api/robot/photos/[^\"]+)\".*", "$1");

    mvc.perform(get(path)).andExpect(status().isOk());
  }

  @Test
  void a_file_that_is_not_an_image_a_wrong_type_an_oversized_photo_or_no_session_are_refused()
      throws Exception {
    long before = files();

    // a text file declared as an image: recognised by its content
    mvc.perform(
            post("/api/robot/photos")
                .param("sessionId", "session-photo-2")
                .contentType("image/png")
                .content("<html>not a photo</html>".getBytes()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("只能上传JPG、PNG或WebP格式的照片。"));
    // not declared as an image
    mvc.perform(
            post("/api/robot/photos")
                .param("sessionId", "session-photo-2")
                .contentType("text/plain")
                .content(PNG))
        .andExpect(status().isBadRequest());
    // over the limit (64 KiB here)
    byte[] big = new byte[65 * 1024];
    System.arraycopy(PNG, 0, big, 0, PNG.length);
    mvc.perform(
            post("/api/robot/photos")
                .param("sessionId", "session-photo-2")
                .contentType("image/png")
                .content(big))
        .andExpect(status().isContentTooLarge());
    // no session
    mvc.perform(post("/api/robot/photos").contentType("image/png").content(PNG))
        .andExpect(status().isBadRequest());
    // a name that is not one of ours
    mvc.perform(get("/api/robot/photos/..%2F..%2Fetc%2Fpasswd"))
        .andExpect(status().is4xxClientError());

    assertThat(files()).isEqualTo(before);
  }

  private static long files() throws IOException {
    try (Stream<Path> all = Files.walk(DIR)) {
      return all.filter(Files::isRegularFile).count();
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("photos-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
