package io.gridbot.channel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class PhotoStoreTest {

  @TempDir Path dir;

  private PhotoStore store() {
    return new PhotoStore(
        new WebSettings(new WebSettings.Photos(dir, DataSize.ofMegabytes(1)), null));
  }

  private static final byte[] PNG = {
    (byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13
  };

  @Test
  void a_png_is_stored_under_a_random_name_and_read_back() {
    // given
    PhotoStore photos = store();

    // when
    String reference = photos.store(PNG);

    // then
    assertThat(reference).matches("/api/robot/photos/[0-9a-f]{32}\\.png");
    assertThat(photos.exists(reference)).isTrue();
    String name = reference.substring(PhotoStore.PATH.length());
    assertThat(photos.read(name))
        .hasValueSatisfying(
            p -> {
              assertThat(p.bytes()).isEqualTo(PNG);
              assertThat(p.mediaType()).isEqualTo("image/png");
            });
    assertThat(photos.store(PNG)).isNotEqualTo(reference);
  }

  @Test
  void what_is_not_an_image_is_refused_and_foreign_references_do_not_exist() {
    PhotoStore photos = store();
    assertThatThrownBy(() -> photos.store("<script>".getBytes()))
        .isInstanceOf(PhotoStore.NotAPhoto.class);
    assertThat(photos.exists("/api/robot/photos/" + "0".repeat(32) + ".png")).isFalse();
    assertThat(photos.exists("/etc/passwd")).isFalse();
    assertThat(photos.read("../../etc/passwd")).isEmpty();
  }

  @Test
  void jpeg_and_webp_are_recognised_by_their_content() {
    assertThat(PhotoStore.extensionOf(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0}))
        .contains("jpg");
    assertThat(PhotoStore.extensionOf("RIFF\0\0\0\0WEBPVP8 ".getBytes())).contains("webp");
    assertThat(PhotoStore.extensionOf(new byte[0])).isEmpty();
  }
}
