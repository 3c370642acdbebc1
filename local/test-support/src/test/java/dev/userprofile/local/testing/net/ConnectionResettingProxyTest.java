package dev.userprofile.local.testing.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The relay against a loopback echo server. */
class ConnectionResettingProxyTest {

    private ServerSocket echo;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeEach
    void startEcho() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(() -> {
            while (!echo.isClosed()) {
                Socket socket = echo.accept();
                threads.submit(() -> {
                    try (socket;
                            InputStream in = socket.getInputStream();
                            OutputStream out = socket.getOutputStream()) {
                        in.transferTo(out);
                    }
                    return null;
                });
            }
            return null;
        });
    }

    @AfterEach
    void stop() throws IOException {
        echo.close();
        threads.shutdownNow();
    }

    private static String roundTrip(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes());
        socket.getOutputStream().flush();
        byte[] answer = socket.getInputStream().readNBytes(text.length());
        return new String(answer);
    }

    @Test
    void relaysBytesBothWaysAndCountsConnections() throws IOException {
        try (ConnectionResettingProxy proxy =
                        new ConnectionResettingProxy(URI.create("http://127.0.0.1:" + echo.getLocalPort()));
                Socket client = new Socket("127.0.0.1", proxy.endpoint().getPort())) {
            assertThat(roundTrip(client, "hello")).isEqualTo("hello");
            assertThat(roundTrip(client, "again")).isEqualTo("again");
            assertThat(proxy.connectionsAccepted()).isEqualTo(1);
        }
    }

    @Test
    void resetAllBreaksEveryOpenConnectionWhileNewOnesStillWork() throws Exception {
        try (ConnectionResettingProxy proxy =
                        new ConnectionResettingProxy(URI.create("http://127.0.0.1:" + echo.getLocalPort()));
                Socket before = new Socket("127.0.0.1", proxy.endpoint().getPort())) {
            assertThat(roundTrip(before, "ping")).isEqualTo("ping");

            proxy.resetAll();

            assertThatThrownBy(() -> {
                        for (int i = 0; i < 5; i++) {
                            if (!roundTrip(before, "ping").equals("ping")) {
                                throw new SocketException("connection ended");
                            }
                            Thread.sleep(20);
                        }
                    })
                    .isInstanceOf(IOException.class);
            try (Socket after = new Socket("127.0.0.1", proxy.endpoint().getPort())) {
                assertThat(roundTrip(after, "pong")).isEqualTo("pong");
            }
            assertThat(proxy.connectionsAccepted()).isEqualTo(2);
        }
    }
}
