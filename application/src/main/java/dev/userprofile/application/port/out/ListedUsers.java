package dev.userprofile.application.port.out;

import dev.userprofile.domain.UserId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The users a reconcile has listed so far, as a Bloom filter (ADR 0021): a few bytes a user, so that a run over
 * millions can be saved between invocations. It never forgets a user it was given, so a profile whose user was
 * listed is never an orphan; it may claim a user it was not given (about 1 in 100), which leaves that orphan for a
 * later run, whose filter is seeded differently. When more users come than it was sized for, it adds a filter twice
 * the size with half the error rate, so the rate stays under its bound however wrong the size was.
 */
public final class ListedUsers {

    private static final byte FORMAT = 1;
    private static final double FALSE_POSITIVE_RATE = 0.01;

    private final long seed;
    private final List<Segment> segments;

    private ListedUsers(long seed, List<Segment> segments) {
        this.seed = seed;
        this.segments = segments;
    }

    /**
     * @param expected how many users the pool is thought to hold (the last run's count, say)
     * @param seed     varies the hashing from run to run, so the same orphan is not missed twice
     */
    public static ListedUsers sizedFor(long expected, long seed) {
        List<Segment> segments = new ArrayList<>();
        segments.add(Segment.sized(Math.max(expected, 1_000), FALSE_POSITIVE_RATE / 2));
        return new ListedUsers(seed, segments);
    }

    public void add(UserId id) {
        Segment last = segments.getLast();
        if (last.count >= last.capacity) {
            last = Segment.sized(last.capacity * 2, last.falsePositiveRate / 2);
            segments.add(last);
        }
        long[] hashes = hashes(id);
        last.add(hashes[0], hashes[1]);
    }

    /** False only for a user never added; true for every user added and, rarely, for one that was not. */
    public boolean mightContain(UserId id) {
        long[] hashes = hashes(id);
        for (Segment segment : segments) {
            if (segment.mightContain(hashes[0], hashes[1])) {
                return true;
            }
        }
        return false;
    }

    /** Users added. */
    public long count() {
        return segments.stream().mapToLong(segment -> segment.count).sum();
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeLong(seed);
            out.writeInt(segments.size());
            for (Segment segment : segments) {
                out.writeLong(segment.capacity);
                out.writeDouble(segment.falsePositiveRate);
                out.writeInt(segment.hashCount);
                out.writeLong(segment.count);
                out.writeInt(segment.bits.length);
                for (long word : segment.bits) {
                    out.writeLong(word);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException when the bytes are not a filter's {@link #toBytes} */
    public static ListedUsers fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readByte() != FORMAT) {
                throw new IllegalArgumentException("not a saved listing filter (unknown format)");
            }
            long seed = in.readLong();
            int count = in.readInt();
            if (count < 1 || count > 64) {
                throw new IllegalArgumentException("not a saved listing filter (" + count + " segments)");
            }
            List<Segment> segments = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long capacity = in.readLong();
                double rate = in.readDouble();
                int hashCount = in.readInt();
                long added = in.readLong();
                int words = in.readInt();
                if (words < 1
                        || words > bytes.length / Long.BYTES
                        || hashCount < 1
                        || hashCount > 64
                        || capacity < 1
                        || !(rate > 0 && rate < 1)
                        || added < 0) {
                    throw new IllegalArgumentException("not a saved listing filter (a malformed segment)");
                }
                long[] bits = new long[words];
                for (int w = 0; w < words; w++) {
                    bits[w] = in.readLong();
                }
                segments.add(new Segment(capacity, rate, hashCount, bits, added));
            }
            if (in.read() != -1) {
                throw new IllegalArgumentException("not a saved listing filter (trailing bytes)");
            }
            return new ListedUsers(seed, segments);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a saved listing filter (truncated)", e);
        }
    }

    /** Two independent 64-bit hashes of the sub (FNV-1a, then two different finalisers), for double hashing. */
    private long[] hashes(UserId id) {
        long h = 0xcbf29ce484222325L ^ seed;
        for (byte b : id.value().getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return new long[] {mix(h), mix(h ^ 0x9e3779b97f4a7c15L) | 1};
    }

    /** SplitMix64's finaliser: spreads every input bit over the whole word. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static final class Segment {
        final long capacity;
        final double falsePositiveRate;
        final int hashCount;
        final long[] bits;
        long count;

        Segment(long capacity, double falsePositiveRate, int hashCount, long[] bits, long count) {
            this.capacity = capacity;
            this.falsePositiveRate = falsePositiveRate;
            this.hashCount = hashCount;
            this.bits = bits;
            this.count = count;
        }

        /** The usual optimum: m = -n ln p / (ln 2)^2 bits and k = (m / n) ln 2 hashes. */
        static Segment sized(long capacity, double rate) {
            double ln2 = Math.log(2);
            long bitCount = (long) Math.ceil(-capacity * Math.log(rate) / (ln2 * ln2));
            int words = Math.toIntExact(Math.max(1, (bitCount + 63) / 64));
            int hashCount = (int) Math.max(1, Math.round((double) words * 64 / capacity * ln2));
            return new Segment(capacity, rate, hashCount, new long[words], 0);
        }

        private long size() {
            return (long) bits.length * 64;
        }

        void add(long h1, long h2) {
            for (int i = 0; i < hashCount; i++) {
                long bit = Long.remainderUnsigned(h1 + i * h2, size());
                bits[(int) (bit >>> 6)] |= 1L << bit;
            }
            count++;
        }

        boolean mightContain(long h1, long h2) {
            for (int i = 0; i < hashCount; i++) {
                long bit = Long.remainderUnsigned(h1 + i * h2, size());
                if ((bits[(int) (bit >>> 6)] & (1L << bit)) == 0) {
                    return false;
                }
            }
            return true;
        }
    }
}
