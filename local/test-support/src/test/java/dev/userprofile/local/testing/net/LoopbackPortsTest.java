package dev.userprofile.local.testing.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LoopbackPortsTest {

    @Test
    void freePortsHandedOutAtOnceFromManyThreadsAreAllDifferentAndFree() {
        List<Integer> ports = new CopyOnWriteArrayList<>();

        IntStream.range(0, 200).parallel().forEach(i -> ports.add(LoopbackPorts.free()));

        assertThat(ports).hasSize(200).doesNotHaveDuplicates().allMatch(LoopbackPorts::isFree);
    }

    @Test
    void claimingAPortInUseIsRefusedNamingIt() throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertThat(LoopbackPorts.isListening(port)).isTrue();
            assertThatThrownBy(() -> LoopbackPorts.claim(port))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("port " + port + " on 127.0.0.1 is already in use; choose another");
        }
    }
}
