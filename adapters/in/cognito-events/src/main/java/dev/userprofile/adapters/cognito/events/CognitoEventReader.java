package dev.userprofile.adapters.cognito.events;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.thirdparty.jackson.core.JsonFactory;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonToken;
import software.amazon.awssdk.thirdparty.jackson.core.StreamReadConstraints;
import software.amazon.awssdk.thirdparty.jackson.core.StreamReadFeature;

/**
 * Reads an EventBridge event, as Lambda hands over its bytes, into a {@link CognitoUserEvent}. The sub is taken from
 * {@code detail.additionalEventData.sub}, the pool from {@code detail.requestParameters.userPoolId} or else
 * {@code detail.additionalEventData.userPoolId}.
 */
public final class CognitoEventReader {

    /** EventBridge's own limit on an event. */
    static final int MAX_BYTES = 256 * 1024;

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build();

    /** @throws MalformedEventException when the bytes are not a JSON object of EventBridge's shape */
    public CognitoUserEvent read(InputStream input) {
        Map<String, Object> event;
        try {
            byte[] bytes = input.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new MalformedEventException("is larger than EventBridge's 256 KB");
            }
            try (JsonParser parser = JSON.createParser(bytes)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw new MalformedEventException("is not a JSON object");
                }
                event = readObject(parser);
                if (parser.nextToken() != null) {
                    throw new MalformedEventException("has data after its JSON object");
                }
            }
        } catch (IOException e) {
            // The parser's message quotes the input, which may hold personal data.
            throw new MalformedEventException("is not well-formed JSON");
        }
        Map<String, Object> detail = object(event.get("detail"));
        Map<String, Object> request = object(detail.get("requestParameters"));
        Map<String, Object> additional = object(detail.get("additionalEventData"));
        return new CognitoUserEvent(
                text(event.get("source")).orElse(""),
                text(detail.get("eventName")).orElse(""),
                text(request.get("userPoolId")).or(() -> text(additional.get("userPoolId"))),
                text(additional.get("sub")));
    }

    private static Map<String, Object> readObject(JsonParser parser) throws IOException {
        Map<String, Object> object = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            object.put(name, readValue(parser, parser.nextToken()));
        }
        return object;
    }

    private static @Nullable Object readValue(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> readObject(parser);
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(readValue(parser, next));
                }
                yield list;
            }
            case VALUE_STRING -> parser.getText();
            // Numbers, booleans and nulls: nothing this service reads is one.
            default -> null;
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(@Nullable Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static Optional<String> text(@Nullable Object value) {
        return value instanceof String s && !s.isBlank() ? Optional.of(s.strip()) : Optional.empty();
    }
}
