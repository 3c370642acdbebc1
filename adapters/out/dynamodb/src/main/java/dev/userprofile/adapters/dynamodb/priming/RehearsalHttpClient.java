package dev.userprofile.adapters.dynamodb.priming;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;
import software.amazon.awssdk.protocols.jsoncore.JsonWriter;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An HTTP client that never leaves the process: it answers each DynamoDB request as DynamoDB answers a successful
 * one (GetItem with a stored item under the requested key, PutItem with an empty body). A client built on it runs
 * every layer of the SDK above the wire (marshalling, signing, retries, unmarshalling, the enhanced client's
 * conversions), so SnapStart priming can rehearse the paths a real request only takes on success (a stored item
 * read, a write accepted) without reading or writing anyone's data.
 *
 * <p>Every attribute type DynamoDB has is written out (lists, maps, sets and binary included), and the key is copied
 * from the request as it came, so a new stored attribute of any type needs no change here.
 */
final class RehearsalHttpClient implements SdkHttpClient {

    private static final String TARGET_PREFIX = "DynamoDB_20120810.";
    private static final JsonNodeParser JSON = JsonNodeParser.create();

    private final Map<String, AttributeValue> storedItem;

    /** @param storedItem what GetItem answers with; its key attributes are replaced by those the request names */
    RehearsalHttpClient(Map<String, AttributeValue> storedItem) {
        this.storedItem = Map.copyOf(storedItem);
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        String target =
                request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
        String body = request.contentStreamProvider()
                .map(provider -> read(provider.newStream()))
                .orElse("{}");
        byte[] bytes = switch (target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : target) {
            case "GetItem" -> getItemAnswer(JSON.parse(body));
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

    /** DynamoDB's JSON for a GetItem that found the stored item under the key the request names. */
    private byte[] getItemAnswer(JsonNode request) {
        JsonNode key = request.field("Key")
                .filter(JsonNode::isObject)
                .orElseThrow(() -> new IllegalArgumentException("a rehearsed GetItem names no Key"));
        Map<String, JsonNode> keyAttributes = key.asObject();
        JsonWriter json =
                JsonWriter.create().writeStartObject().writeFieldName("Item").writeStartObject();
        keyAttributes.forEach((name, value) -> {
            json.writeFieldName(name);
            write(json, value);
        });
        storedItem.forEach((name, value) -> {
            if (!keyAttributes.containsKey(name)) {
                json.writeFieldName(name);
                write(json, value);
            }
        });
        return json.writeEndObject().writeEndObject().getBytes();
    }

    /** DynamoDB's JSON for one attribute value: a one-field object naming its type. */
    private static void write(JsonWriter json, AttributeValue value) {
        json.writeStartObject();
        switch (value.type()) {
            case S -> json.writeFieldName("S").writeValue(value.s());
            case N -> json.writeFieldName("N").writeValue(value.n());
            case B -> json.writeFieldName("B").writeValue(value.b().asByteBuffer());
            case BOOL -> json.writeFieldName("BOOL").writeValue(value.bool());
            case NUL -> json.writeFieldName("NULL").writeValue(true);
            case SS -> strings(json.writeFieldName("SS"), value.ss());
            case NS -> strings(json.writeFieldName("NS"), value.ns());
            case BS -> {
                json.writeFieldName("BS").writeStartArray();
                value.bs().forEach(bytes -> json.writeValue(bytes.asByteBuffer()));
                json.writeEndArray();
            }
            case L -> {
                json.writeFieldName("L").writeStartArray();
                value.l().forEach(element -> write(json, element));
                json.writeEndArray();
            }
            case M -> {
                json.writeFieldName("M").writeStartObject();
                value.m().forEach((name, element) -> {
                    json.writeFieldName(name);
                    write(json, element);
                });
                json.writeEndObject();
            }
            case UNKNOWN_TO_SDK_VERSION ->
                throw new IllegalArgumentException("an attribute of a type the SDK does not know");
        }
        json.writeEndObject();
    }

    private static void strings(JsonWriter json, List<String> values) {
        json.writeStartArray();
        values.forEach(json::writeValue);
        json.writeEndArray();
    }

    /** Writes a parsed JSON value back out unchanged: DynamoDB's typed attribute values are plain JSON. */
    private static void write(JsonWriter json, JsonNode node) {
        if (node.isObject()) {
            json.writeStartObject();
            node.asObject().forEach((name, value) -> {
                json.writeFieldName(name);
                write(json, value);
            });
            json.writeEndObject();
        } else if (node.isArray()) {
            json.writeStartArray();
            node.asArray().forEach(value -> write(json, value));
            json.writeEndArray();
        } else if (node.isString()) {
            json.writeValue(node.asString());
        } else if (node.isBoolean()) {
            json.writeValue(node.asBoolean());
        } else if (node.isNumber()) {
            json.writeNumber(node.asNumber());
        } else {
            json.writeNull();
        }
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
