package dev.userprofile.local.testing.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Port checks on 127.0.0.1, where every local server of this project listens. */
public final class LoopbackPorts {

    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private LoopbackPorts() {}

    /**
     * A port free now and never handed out before by this JVM: test classes run side by side, and one must not be
     * given the port another was given a moment ago and has not bound yet.
     */
    public static int free() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("no free loopback port", e);
            }
        }
        throw new IllegalStateException("no loopback port left that this JVM has not handed out already");
    }

    /** True when a server could listen on the port now (connections in TIME_WAIT do not count). */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** True when something accepts connections on the port. */
    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** {@code port}, or a free one when it is 0; a port in use is refused with the message users see. */
    public static int claim(int port) {
        int chosen = port == 0 ? free() : port;
        if (!isFree(chosen)) {
            throw new IllegalStateException("port " + chosen + " on 127.0.0.1 is already in use; choose another");
        }
        return chosen;
    }
}
