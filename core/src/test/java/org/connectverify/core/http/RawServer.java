package org.connectverify.core.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A socket server on 127.0.0.1 for what WireMock cannot do: accept connections and never answer, or stream a body
 * that never ends. Counts connections; closes everything on {@link #close()}.
 */
public final class RawServer implements AutoCloseable {
  public enum Mode {
    /** Accept, read nothing, answer nothing. */
    SILENT,
    /** Answer 200 with an endless body (no Content-Length, close-delimited). */
    ENDLESS_BODY
  }

  private final ServerSocket server;
  private final Mode mode;
  private final List<Socket> sockets = new ArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final Thread acceptor;

  public RawServer(Mode mode) throws IOException {
    this.mode = mode;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::acceptLoop, "raw-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  public int connections() {
    return connections.get();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        connections.incrementAndGet();
        synchronized (sockets) {
          sockets.add(s);
        }
        if (mode == Mode.ENDLESS_BODY) {
          Thread t = new Thread(() -> stream(s), "raw-server-body");
          t.setDaemon(true);
          t.start();
        }
      } catch (IOException e) {
        return;
      }
    }
  }

  private static void stream(Socket s) {
    try {
      s.getInputStream().read(new byte[8192]);
      OutputStream out = s.getOutputStream();
      out.write(
          "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[64 * 1024];
      Arrays.fill(chunk, (byte) ' ');
      while (true) {
        out.write(chunk);
      }
    } catch (IOException e) {
      // the client stopped reading: expected
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    synchronized (sockets) {
      for (Socket s : sockets) {
        s.close();
      }
    }
  }
}
