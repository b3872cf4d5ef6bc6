package io.gridbot.dialog.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy on a local port that can stop passing bytes on: a server that keeps its connections
 * open but stops answering. With {@code upstream} null it never answers at all.
 */
final class FreezableProxy implements AutoCloseable {

  private final ServerSocket server;
  private final String upstreamHost;
  private final int upstreamPort;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private volatile boolean frozen;

  /** Forwards to {@code host:port}. */
  FreezableProxy(String host, int port) throws IOException {
    this.upstreamHost = host;
    this.upstreamPort = port;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.submit(this::accept);
  }

  /** Accepts connections and never answers. */
  static FreezableProxy silent() throws IOException {
    return new FreezableProxy(null, 0);
  }

  int port() {
    return server.getLocalPort();
  }

  void freeze() {
    frozen = true;
  }

  void thaw() {
    frozen = false;
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
    threads.shutdownNow();
  }

  private Void accept() throws IOException {
    while (!server.isClosed()) {
      Socket client = server.accept();
      sockets.add(client);
      if (upstreamHost != null) {
        Socket upstream = new Socket(upstreamHost, upstreamPort);
        sockets.add(upstream);
        threads.submit(() -> pump(client, upstream));
        threads.submit(() -> pump(upstream, client));
      }
    }
    return null;
  }

  private Void pump(Socket from, Socket to) throws IOException, InterruptedException {
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        while (frozen) {
          Thread.sleep(5);
        }
        out.write(buffer, 0, n);
        out.flush();
      }
    }
    return null;
  }
}
