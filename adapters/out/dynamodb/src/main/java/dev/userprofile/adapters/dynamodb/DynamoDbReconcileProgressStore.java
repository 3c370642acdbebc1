package dev.userprofile.adapters.dynamodb;

import dev.userprofile.application.port.out.ListedUsers;
import dev.userprofile.application.port.out.ReconcileProgress;
import dev.userprofile.application.port.out.ReconcileProgressStore;
import dev.userprofile.application.port.out.ReconcileTally;
import dev.userprofile.application.port.out.UserStoreUnavailableException;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * A reconcile's progress in a small table of its own (key {@code run}, sort key {@code part}). Part 0, the head,
 * says who holds the run until when (a conditional update, so one invocation at a time), what the last run listed,
 * and, while a run is under way, its phase, position and counts. The listed users' filter is too large for one item
 * (400 KB) beyond a few hundred thousand users, so it is saved in chunks, alternately in two slots: the head names
 * the slot, chunk count and checksum only once every chunk is written, so a save cut short leaves the previous one
 * whole. A progress that cannot be read back is dropped, and the run starts over: that is always safe. Chunks expire
 * through the table's Time to Live when no run rewrites them.
 */
public final class DynamoDbReconcileProgressStore implements ReconcileProgressStore {

    static final String RUN = "run";
    static final String PART = "part";
    static final String EXPIRES_AT = "expiresAt";
    private static final AttributeValue THE_RUN = AttributeValue.fromS("reconcile");
    /** Below DynamoDB's 400 KB an item, with room for the key and the attribute names. */
    static final int CHUNK_BYTES = 350_000;

    private static final int SLOT_PARTS = 100_000;
    private static final Duration CHUNK_LIFETIME = Duration.ofDays(30);
    /** Every attribute an expression names, by placeholder: none can clash with a reserved word. */
    private static final Map<String, String> NAMES = Map.of(
            "#heldUntil", "heldUntil",
            "#lastListed", "lastListed",
            "#startedAt", "startedAt",
            "#phase", "phase",
            "#slot", "slot",
            "#chunks", "chunks",
            "#crc", "crc",
            "#tally", "tally",
            "#position", "position");

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Clock clock;

    public DynamoDbReconcileProgressStore(DynamoDbClient dynamoDb, String tableName, Clock clock) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private static Map<String, AttributeValue> key(int part) {
        return Map.of(RUN, THE_RUN, PART, AttributeValue.fromN(Integer.toString(part)));
    }

    @Override
    public Claim claim(Instant now, Instant until) {
        Map<String, AttributeValue> head;
        try {
            head = dynamoDb.updateItem(b -> b.tableName(tableName)
                            .key(key(0))
                            .updateExpression("SET #heldUntil = :until")
                            .conditionExpression("attribute_not_exists(#heldUntil) OR #heldUntil <= :now")
                            .expressionAttributeNames(Map.of("#heldUntil", "heldUntil"))
                            .expressionAttributeValues(Map.of(
                                    ":until", millis(until),
                                    ":now", millis(now)))
                            .returnValues(ReturnValue.ALL_NEW))
                    .attributes();
        } catch (ConditionalCheckFailedException held) {
            Map<String, AttributeValue> current = read(0);
            AttributeValue heldUntil = current == null ? null : current.get("heldUntil");
            // Let go of in the meantime: busy for now all the same; the next invocation takes it.
            return new Claim.Busy(heldUntil == null ? now : Instant.ofEpochMilli(Long.parseLong(heldUntil.n())));
        } catch (SdkException e) {
            throw unavailable("UpdateItem", e);
        }
        long lastListed = head.containsKey("lastListed")
                ? Long.parseLong(head.get("lastListed").n())
                : 0;
        if (!head.containsKey("phase")) {
            return new Claim.Fresh(lastListed);
        }
        return readBack(head).<Claim>map(Claim.Resumed::new).orElseGet(() -> new Claim.Fresh(lastListed));
    }

    private Optional<ReconcileProgress> readBack(Map<String, AttributeValue> head) {
        try {
            int slot = Integer.parseInt(attribute(head, "slot").n());
            int chunks = Integer.parseInt(attribute(head, "chunks").n());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int i = 1; i <= chunks; i++) {
                int part = slot * SLOT_PARTS + i;
                Map<String, AttributeValue> chunk = read(part);
                if (chunk == null || !chunk.containsKey("data")) {
                    return Optional.empty();
                }
                bytes.writeBytes(chunk.get("data").b().asByteArray());
            }
            byte[] filter = bytes.toByteArray();
            if (crc(filter) != Long.parseLong(attribute(head, "crc").n())) {
                return Optional.empty();
            }
            Map<String, AttributeValue> t = attribute(head, "tally").m();
            ReconcileTally tally = new ReconcileTally(
                    count(t, "checked"),
                    count(t, "missing"),
                    count(t, "stale"),
                    count(t, "stored"),
                    count(t, "orphaned"),
                    count(t, "registered"),
                    count(t, "updated"),
                    count(t, "erased"),
                    count(t, "failed"));
            return Optional.of(new ReconcileProgress(
                    Instant.parse(attribute(head, "startedAt").s()),
                    ReconcileProgress.Phase.valueOf(attribute(head, "phase").s()),
                    Optional.ofNullable(head.get("position")).map(AttributeValue::s),
                    ListedUsers.fromBytes(filter),
                    tally));
        } catch (RuntimeException unreadable) {
            if (unreadable instanceof UserStoreUnavailableException outage) {
                throw outage;
            }
            // Written by another version, or half-written: starting over is always safe.
            return Optional.empty();
        }
    }

    @Override
    public void save(ReconcileProgress progress) {
        Map<String, AttributeValue> head = read(0);
        int slot = head != null && head.containsKey("slot")
                ? 1 - Integer.parseInt(attribute(head, "slot").n())
                : 0;
        byte[] filter = progress.listed().toBytes();
        int chunks = 0;
        AttributeValue expires = AttributeValue.fromN(
                Long.toString(clock.instant().plus(CHUNK_LIFETIME).getEpochSecond()));
        for (int offset = 0; offset < filter.length; offset += CHUNK_BYTES) {
            chunks++;
            Map<String, AttributeValue> item = new HashMap<>(key(slot * SLOT_PARTS + chunks));
            item.put(
                    "data",
                    AttributeValue.fromB(SdkBytes.fromByteArray(
                            Arrays.copyOfRange(filter, offset, Math.min(filter.length, offset + CHUNK_BYTES)))));
            item.put(EXPIRES_AT, expires);
            call("PutItem", () -> dynamoDb.putItem(b -> b.tableName(tableName).item(item)));
        }
        ReconcileTally t = progress.tally();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":startedAt", AttributeValue.fromS(progress.startedAt().toString()));
        values.put(":phase", AttributeValue.fromS(progress.phase().name()));
        values.put(":slot", number(slot));
        values.put(":chunks", number(chunks));
        values.put(":crc", AttributeValue.fromN(Long.toString(crc(filter))));
        values.put(
                ":tally",
                AttributeValue.fromM(Map.of(
                        "checked", number(t.checked()),
                        "missing", number(t.missing()),
                        "stale", number(t.stale()),
                        "stored", number(t.stored()),
                        "orphaned", number(t.orphaned()),
                        "registered", number(t.registered()),
                        "updated", number(t.updated()),
                        "erased", number(t.erased()),
                        "failed", number(t.failed()))));
        String set = "SET #startedAt = :startedAt, #phase = :phase, #slot = :slot, #chunks = :chunks, #crc = :crc, "
                + "#tally = :tally";
        String update;
        if (progress.position().isPresent()) {
            values.put(":position", AttributeValue.fromS(progress.position().get()));
            update = set + ", #position = :position REMOVE #heldUntil";
        } else {
            update = set + " REMOVE #heldUntil, #position";
        }
        call(
                "UpdateItem",
                () -> dynamoDb.updateItem(b -> b.tableName(tableName)
                        .key(key(0))
                        .updateExpression(update)
                        .expressionAttributeNames(namesIn(update))
                        .expressionAttributeValues(values)));
    }

    private static final String FINISH =
            "SET #lastListed = :listed REMOVE #heldUntil, #startedAt, #phase, #position, #slot, #chunks, #crc, #tally";

    /** DynamoDB refuses a name placeholder that its expression does not use. */
    private static Map<String, String> namesIn(String expression) {
        Map<String, String> used = new HashMap<>();
        NAMES.forEach((placeholder, name) -> {
            if (expression.matches(".*" + placeholder + "\\b.*")) {
                used.put(placeholder, name);
            }
        });
        return used;
    }

    @Override
    public void finish(long listed) {
        call(
                "UpdateItem",
                () -> dynamoDb.updateItem(b -> b.tableName(tableName)
                        .key(key(0))
                        .updateExpression(FINISH)
                        .expressionAttributeNames(namesIn(FINISH))
                        .expressionAttributeValues(Map.of(":listed", AttributeValue.fromN(Long.toString(listed))))));
    }

    @Override
    public void release() {
        call(
                "UpdateItem",
                () -> dynamoDb.updateItem(b -> b.tableName(tableName)
                        .key(key(0))
                        .updateExpression("REMOVE #heldUntil")
                        .expressionAttributeNames(Map.of("#heldUntil", "heldUntil"))));
    }

    private static AttributeValue millis(Instant instant) {
        return AttributeValue.fromN(Long.toString(instant.toEpochMilli()));
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    /** An attribute a saved item must have; a missing one makes the save unreadable, as a damaged one does. */
    private static AttributeValue attribute(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null) {
            throw new IllegalStateException("saved progress lacks " + name);
        }
        return value;
    }

    private static int count(Map<String, AttributeValue> tally, String name) {
        return Integer.parseInt(attribute(tally, name).n());
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    /** One part of the run, read consistently: the head (0) or a chunk. */
    private Map<String, AttributeValue> read(int part) {
        return call(
                "GetItem",
                () -> dynamoDb.getItem(
                                b -> b.tableName(tableName).key(key(part)).consistentRead(true))
                        .item());
    }

    private <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw unavailable(operation, e);
        }
    }

    private UserStoreUnavailableException unavailable(String operation, SdkException e) {
        String reason = e instanceof DynamoDbException service && service.awsErrorDetails() != null
                ? service.awsErrorDetails().errorCode() + " (HTTP " + service.statusCode() + ")"
                : e.getClass().getSimpleName();
        return new UserStoreUnavailableException(
                "DynamoDB " + operation + " on table " + tableName + " failed: " + reason, e);
    }
}
