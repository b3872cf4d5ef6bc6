package io.gridbot.channel.web;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the web robot chat ({@code gridbot.web.*}; the demo cashier's switch {@code
 * gridbot.web.demo-pay.enabled} is read by its controller).
 *
 * @param photos where uploaded photos go and how big they may be
 * @param events the live stream of mailbox messages to the page
 */
@ConfigurationProperties("gridbot.web")
record WebSettings(@DefaultValue Photos photos, @DefaultValue Events events) {

  WebSettings {
    if (photos == null) {
      photos = new Photos(Path.of("data", "uploads"), DataSize.ofMegabytes(5));
    }
    if (events == null) {
      events =
          new Events(Duration.ofMillis(500), Duration.ofMinutes(5), Duration.ofSeconds(15), 2000);
    }
  }

  /**
   * @param dir the directory photos are stored in; shared by all instances (a shared volume)
   * @param maxSize the largest photo accepted
   */
  record Photos(@DefaultValue("data/uploads") Path dir, @DefaultValue("5MB") DataSize maxSize) {
    Photos {
      if (dir == null) {
        throw new IllegalArgumentException("gridbot.web.photos.dir is required");
      }
      if (maxSize == null || maxSize.toBytes() < 1024 || maxSize.toMegabytes() > 20) {
        throw new IllegalArgumentException("gridbot.web.photos.max-size must be 1KB to 20MB");
      }
    }
  }

  /**
   * @param poll how often an open stream looks into the shared mailbox
   * @param timeout how long one stream stays open before the page reconnects
   * @param heartbeat how often an idle stream sends a comment so that proxies keep it open
   * @param maxStreams open streams per instance at most; more are refused with a 503
   */
  record Events(
      @DefaultValue("500ms") Duration poll,
      @DefaultValue("5m") Duration timeout,
      @DefaultValue("15s") Duration heartbeat,
      @DefaultValue("2000") int maxStreams) {
    Events {
      if (poll == null || poll.isNegative() || poll.isZero()) {
        throw new IllegalArgumentException("gridbot.web.events.poll must be positive");
      }
      if (timeout == null || timeout.compareTo(poll) <= 0) {
        throw new IllegalArgumentException("gridbot.web.events.timeout must exceed the poll");
      }
      if (heartbeat == null || heartbeat.isNegative() || heartbeat.isZero()) {
        throw new IllegalArgumentException("gridbot.web.events.heartbeat must be positive");
      }
      if (maxStreams < 1) {
        throw new IllegalArgumentException("gridbot.web.events.max-streams must be at least 1");
      }
    }
  }
}
