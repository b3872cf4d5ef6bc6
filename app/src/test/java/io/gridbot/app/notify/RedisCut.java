package io.gridbot.app.notify;

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
 * A TCP proxy in front of Redis that can be cut: while cut, every open connection is closed and new
 * ones are dropped at once, as when Redis or the network to it goes down; restored, it forwards
 * again.
 */
final class RedisCut implements AutoCloseable {

  private final ServerSocket server;
  private final String host;
  private final int port;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private volatile boolean cut;

  RedisCut(String host, int port) throws IOException {
    this.host = host;
    this.port = port;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.submit(this::accept);
  }

  int port() {
    return server.getLocalPort();
  }

  void cut() throws IOException {
    cut = true;
    for (Socket socket : sockets) {
      socket.close();
    }
    sockets.clear();
  }

  void restore() {
    cut = false;
  }

  @Override
  public void close() throws IOException {
    server.close();
    cut();
    threads.shutdownNow();
  }

  private Void accept() throws IOException {
    while (!server.isClosed()) {
      Socket client = server.accept();
      if (cut) {
        client.close();
        continue;
      }
      Socket upstream = new Socket(host, port);
      sockets.add(client);
      sockets.add(upstream);
      threads.submit(() -> pump(client, upstream));
      threads.submit(() -> pump(upstream, client));
    }
    return null;
  }

  private Void pump(Socket from, Socket to) {
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // the other side closed, or the proxy was cut
    } finally {
      try {
        from.close();
        to.close();
      } catch (IOException e) {
        // already closed
      }
    }
    return null;
  }
}
