package dev.userprofile.adapters.dynamodb;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.protocols.jsoncore.JsonWriter;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An HTTP client that never leaves the process: it answers each DynamoDB request as DynamoDB answers a successful
 * one (GetItem with a stored item under the requested key, PutItem with an empty body). A client built on it runs
 * every layer of the SDK above the wire (marshalling, signing, retries, unmarshalling, the enhanced client's
 * conversions), so SnapStart priming can rehearse the paths a real request only takes on success (a stored item
 * read, a write accepted) without reading or writing anyone's data.
 */
final class RehearsalHttpClient implements SdkHttpClient {

    private static final String TARGET_PREFIX = "DynamoDB_20120810.";
    private static final Pattern KEY =
            Pattern.compile("\"" + UserItemSchema.PARTITION_KEY + "\"\\s*:\\s*\\{\\s*\"S\"\\s*:\\s*\"([^\"\\\\]*)\"");

    private final Map<String, AttributeValue> storedItem;

    /** @param storedItem what GetItem answers with, its key replaced by the requested one */
    RehearsalHttpClient(Map<String, AttributeValue> storedItem) {
        this.storedItem = Map.copyOf(storedItem);
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        String target =
                request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
        String body = request.contentStreamProvider()
                .map(provider -> read(provider.newStream()))
                .orElse("");
        byte[] bytes = switch (target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : target) {
            case "GetItem" -> getItemAnswer(keyOf(body));
            case "PutItem" -> "{}".getBytes(StandardCharsets.UTF_8);
            default ->
                throw new UnsupportedOperationException("a rehearsal answers GetItem and PutItem, not " + target);
        };
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder()
                                .statusCode(200)
                                .putHeader("Content-Type", "application/x-amz-json-1.0")
                                .putHeader("Content-Length", Integer.toString(bytes.length))
                                .build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes)))
                        .build();
            }

            @Override
            public void abort() {
                // Nothing is in flight.
            }
        };
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String keyOf(String body) {
        Matcher key = KEY.matcher(body);
        if (!key.find()) {
            throw new IllegalArgumentException("a rehearsed GetItem names no " + UserItemSchema.PARTITION_KEY);
        }
        return key.group(1);
    }

    /** DynamoDB's JSON for a GetItem that found the stored item under {@code key}. */
    private byte[] getItemAnswer(String key) {
        // The SDK's own writer: the same escaping as the requests it sends.
        JsonWriter json =
                JsonWriter.create().writeStartObject().writeFieldName("Item").writeStartObject();
        storedItem.forEach((name, value) -> {
            AttributeValue stored = name.equals(UserItemSchema.PARTITION_KEY) ? AttributeValue.fromS(key) : value;
            json.writeFieldName(name).writeStartObject();
            switch (stored.type()) {
                case S -> json.writeFieldName("S").writeValue(stored.s());
                case N -> json.writeFieldName("N").writeValue(stored.n());
                case BOOL -> json.writeFieldName("BOOL").writeValue(stored.bool());
                // The types UserItemSchema stores today; a list, map or set attribute needs its case here.
                default -> throw new IllegalArgumentException(name + " is of a type a user item does not use");
            }
            json.writeEndObject();
        });
        return json.writeEndObject().writeEndObject().getBytes();
    }

    @Override
    public String clientName() {
        return "Rehearsal";
    }

    @Override
    public void close() {
        // Holds nothing.
    }
}
