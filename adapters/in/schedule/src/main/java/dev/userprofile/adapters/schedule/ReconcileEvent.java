package dev.userprofile.adapters.schedule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.thirdparty.jackson.core.JsonFactory;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonToken;
import software.amazon.awssdk.thirdparty.jackson.core.StreamReadFeature;

/**
 * What invoked the reconcile: the daily schedule's event (or anything else, such as an operator's empty
 * {@code {}}, or no payload), which starts a run or goes on with one; or the Continue schedule's {@code {"continue":true}}, which
 * only goes on with a run under way.
 */
public record ReconcileEvent(boolean continueOnly) {

    /** EventBridge's own limit on an event. */
    static final int MAX_BYTES = 256 * 1024;

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** @throws IllegalArgumentException when the bytes are not one JSON object (the message quotes none of them) */
    public static ReconcileEvent read(InputStream input) {
        byte[] bytes;
        try {
            bytes = input.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("the event could not be read", e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("the event is larger than EventBridge's 256 KB");
        }
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            return new ReconcileEvent(false); // an invocation with no payload at all
        }
        boolean continueOnly = false;
        try (JsonParser parser = JSON.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("the event is not a JSON object");
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("continue")) {
                    if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
                        throw new IllegalArgumentException("the event's \"continue\" must be true or false");
                    }
                    continueOnly = value == JsonToken.VALUE_TRUE;
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("the event has data after its JSON object");
            }
        } catch (IOException e) {
            // The parser's message quotes the input.
            throw new IllegalArgumentException("the event is not well-formed JSON");
        }
        return new ReconcileEvent(continueOnly);
    }
}
