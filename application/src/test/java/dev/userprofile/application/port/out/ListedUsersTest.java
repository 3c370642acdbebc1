package dev.userprofile.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userprofile.domain.UserId;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ListedUsersTest {

    private static UserId sub(long n) {
        return new UserId(new UUID(0x5eed_0000_0000_0000L + n, n * 31 + 7).toString());
    }

    /** Share of {@code trials} subs never added that the filter claims. */
    private static double falsePositiveRate(ListedUsers filter, long from, int trials) {
        long claimed = IntStream.range(0, trials)
                .filter(i -> filter.mightContain(sub(from + i)))
                .count();
        return (double) claimed / trials;
    }

    @Test
    void neverForgetsAUserItWasGivenAndRarelyClaimsOneItWasNot() {
        ListedUsers filter = ListedUsers.sizedFor(20_000, 42);
        for (long n = 0; n < 20_000; n++) {
            filter.add(sub(n));
        }

        assertThat(IntStream.range(0, 20_000).allMatch(n -> filter.mightContain(sub(n))))
                .isTrue();
        assertThat(falsePositiveRate(filter, 1_000_000, 100_000)).isLessThan(0.01);
        assertThat(filter.count()).isEqualTo(20_000);
    }

    @Test
    void staysUnderItsErrorBoundWhenSizedFarTooSmall() {
        ListedUsers filter = ListedUsers.sizedFor(1_000, 7);
        for (long n = 0; n < 50_000; n++) {
            filter.add(sub(n));
        }

        assertThat(IntStream.range(0, 50_000).allMatch(n -> filter.mightContain(sub(n))))
                .isTrue();
        assertThat(falsePositiveRate(filter, 2_000_000, 100_000)).isLessThan(0.01);
    }

    @Test
    void aDifferentSeedMistakesDifferentUsers() {
        ListedUsers one = ListedUsers.sizedFor(5_000, 1);
        ListedUsers other = ListedUsers.sizedFor(5_000, 2);
        for (long n = 0; n < 5_000; n++) {
            one.add(sub(n));
            other.add(sub(n));
        }
        long both = IntStream.range(0, 200_000)
                .filter(i -> one.mightContain(sub(3_000_000L + i)) && other.mightContain(sub(3_000_000L + i)))
                .count();

        assertThat(both)
                .as("an orphan mistaken by one run is rarely mistaken by the next")
                .isLessThan(20);
    }

    @Test
    void comesBackFromItsBytesAsItWas() {
        ListedUsers filter = ListedUsers.sizedFor(1_000, 99);
        for (long n = 0; n < 3_000; n++) {
            filter.add(sub(n));
        }

        ListedUsers back = ListedUsers.fromBytes(filter.toBytes());

        assertThat(back.count()).isEqualTo(3_000);
        assertThat(IntStream.range(0, 3_000).allMatch(n -> back.mightContain(sub(n))))
                .isTrue();
        assertThat(back.toBytes()).isEqualTo(filter.toBytes());
        assertThat(IntStream.range(0, 10_000)
                        .allMatch(i ->
                                back.mightContain(sub(5_000_000L + i)) == filter.mightContain(sub(5_000_000L + i))))
                .isTrue();
    }

    @Test
    void takesAboutTwelveBitsAUserAtItsSize() {
        ListedUsers filter = ListedUsers.sizedFor(100_000, 3);

        assertThat(filter.toBytes().length).isBetween(100_000, 200_000);
    }

    @Test
    void refusesBytesThatAreNotAFilter() {
        byte[] bytes = ListedUsers.sizedFor(1_000, 1).toBytes();

        assertThatThrownBy(() -> ListedUsers.fromBytes(new byte[] {9}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown format");
        assertThatThrownBy(() -> ListedUsers.fromBytes(Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> ListedUsers.fromBytes(Arrays.copyOf(bytes, bytes.length + 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trailing");
        byte[] noCapacity = bytes.clone();
        // format (1), seed (8), segments (4), then the first segment's capacity (8): made 0.
        Arrays.fill(noCapacity, 13, 21, (byte) 0);
        assertThatThrownBy(() -> ListedUsers.fromBytes(noCapacity))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed segment");
    }
}
