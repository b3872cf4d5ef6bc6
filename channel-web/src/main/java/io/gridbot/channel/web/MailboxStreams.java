package io.gridbot.channel.web;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Streams a session's mailbox to its page as Server-Sent Events: each message one {@code reply}
 * event whose id is its mailbox number, so that a page reconnecting with {@code Last-Event-ID}
 * resumes after the last one it got. The mailbox lives in the shared state store, so a stream on
 * any instance sees what an agent on another one sent: each open stream looks into it every {@code
 * poll}, sends a comment when idle for {@code heartbeat}, and ends after {@code timeout} (the
 * browser reconnects by itself).
 */
@Component
class MailboxStreams {

  private static final Logger log = LoggerFactory.getLogger(MailboxStreams.class);

  private static final AtomicInteger THREADS = new AtomicInteger();

  /** Polls between two looks at the agents' side while one is involved. */
  static final int HANDOFF_EVERY = 4;

  private final WebMailbox mailbox;
  private final WebSettings.Events settings;
  private final ScheduledExecutorService scheduler;
  private final AtomicInteger open = new AtomicInteger();

  private final AgentDesk desk;

  MailboxStreams(WebMailbox mailbox, AgentDesk desk, WebSettings settings) {
    this.mailbox = mailbox;
    this.desk = desk;
    this.settings = settings.events();
    this.scheduler =
        Executors.newScheduledThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "web-mailbox-stream-" + THREADS.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** No more streams may be opened on this instance for now. */
  static final class TooManyStreams extends RuntimeException {
    TooManyStreams(int max) {
      super("more than " + max + " open streams");
    }
  }

  /**
   * Opens a stream of the session's messages numbered after {@code after}.
   *
   * @throws TooManyStreams when this instance already serves {@code max-streams}
   */
  SseEmitter open(String session, long after) {
    if (open.incrementAndGet() > settings.maxStreams()) {
      open.decrementAndGet();
      throw new TooManyStreams(settings.maxStreams());
    }
    SseEmitter emitter = new SseEmitter(settings.timeout().toMillis());
    Stream stream = new Stream(session, after, emitter);
    ScheduledFuture<?> task =
        scheduler.scheduleWithFixedDelay(
            stream::poll, 0, settings.poll().toMillis(), TimeUnit.MILLISECONDS);
    AtomicBoolean closed = new AtomicBoolean();
    emitter.onCompletion(
        () -> {
          if (closed.compareAndSet(false, true)) {
            task.cancel(false);
            open.decrementAndGet();
          }
        });
    emitter.onTimeout(emitter::complete);
    emitter.onError(e -> emitter.complete());
    return emitter;
  }

  /** Streams open on this instance now. */
  int openStreams() {
    return open.get();
  }

  @PreDestroy
  void shutdown() {
    scheduler.shutdownNow();
  }

  private final class Stream {
    private final String session;
    private final SseEmitter emitter;
    private long last;
    private long idleSince = System.nanoTime();
    private boolean greeted;
    private String handoff;
    private int pollsSinceHandoffCheck;

    Stream(String session, long after, SseEmitter emitter) {
      this.session = session;
      this.last = after;
      this.emitter = emitter;
    }

    synchronized void poll() {
      try {
        if (!greeted) {
          // how long the browser waits before reconnecting, and a first byte for proxies
          emitter.send(SseEmitter.event().reconnectTime(2000).comment("open"));
          greeted = true;
        }
        WebMailbox.Mail mail = mailbox.after(session, last);
        List<ReplyView> messages = mail.messages();
        long first = mail.last() - messages.size() + 1;
        for (int i = 0; i < messages.size(); i++) {
          emitter.send(
              SseEmitter.event()
                  .id(Long.toString(first + i))
                  .name("reply")
                  .data(messages.get(i), MediaType.APPLICATION_JSON));
        }
        last = mail.last();
        checkHandoff(!messages.isEmpty());
        long now = System.nanoTime();
        if (!messages.isEmpty()) {
          idleSince = now;
        } else if (now - idleSince >= settings.heartbeat().toNanos()) {
          emitter.send(SseEmitter.event().comment("keep-alive"));
          idleSince = now;
        }
      } catch (IOException | IllegalStateException e) {
        // the page went away, or the stream is already complete
        emitter.complete();
      } catch (RuntimeException e) {
        // the shared state store did not answer: end this stream, the page reconnects
        log.warn("mailbox stream of web session ended: {}", e.toString());
        emitter.complete();
      }
    }

    /**
     * Sends a {@code handoff} event when the agents' side changed: looked up at the start, after a
     * message arrived, and every {@value #HANDOFF_EVERY} polls while an agent is involved.
     */
    private void checkHandoff(boolean messageArrived) throws IOException {
      boolean due =
          handoff == null
              || messageArrived
              || (!"NONE".equals(handoff) && ++pollsSinceHandoffCheck >= HANDOFF_EVERY);
      if (!due) {
        return;
      }
      pollsSinceHandoffCheck = 0;
      String now = desk.status(session);
      if (!now.equals(handoff)) {
        handoff = now;
        emitter.send(
            SseEmitter.event()
                .name("handoff")
                .data(java.util.Map.of("status", now), MediaType.APPLICATION_JSON));
      }
    }
  }
}
