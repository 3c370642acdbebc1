package dev.userprofile.local.testing.lambda;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.userprofile.local.testing.template.CloudFormationYaml;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Reads and writes events with the Lambda Java runtime's own serialisation library. */
public final class LambdaRuntimeJson {

    private static final PojoSerializer<CognitoUserPoolPostConfirmationEvent> SERIALIZER =
            LambdaEventSerializers.serializerFor(
                    CognitoUserPoolPostConfirmationEvent.class, LambdaRuntimeJson.class.getClassLoader());

    /**
     * One serialiser a type, as the runtime keeps one for the handler's type: building one (an object mapper with
     * the runtime's mix-ins) costs far more than a call, and would be charged to whatever is being measured.
     */
    private static final Map<Class<?>, PojoSerializer<?>> SERIALIZERS = new ConcurrentHashMap<>();

    private LambdaRuntimeJson() {}

    @SuppressWarnings("unchecked")
    private static <T> PojoSerializer<T> serializerFor(Class<T> type) {
        return (PojoSerializer<T>) SERIALIZERS.computeIfAbsent(
                type, t -> LambdaEventSerializers.serializerFor(t, LambdaRuntimeJson.class.getClassLoader()));
    }

    public static CognitoUserPoolPostConfirmationEvent fromJson(String json) {
        return SERIALIZER.fromJson(json);
    }

    /** Any event or response type, through the runtime's serialiser for it. */
    public static <T> T fromJson(String json, Class<T> type) {
        return serializerFor(type).fromJson(json);
    }

    public static <T> String toJson(T value, Class<T> type) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializerFor(type).toJson(value, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The {@code sub} a trigger event's JSON carries in its user attributes, if it is readable and has one. */
    public static Optional<String> subOf(String eventJson) {
        try {
            CognitoUserPoolPostConfirmationEvent.Request request =
                    fromJson(eventJson).getRequest();
            return Optional.ofNullable(
                    request == null || request.getUserAttributes() == null
                            ? null
                            : request.getUserAttributes().get("sub"));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** The same trigger event for another user: every occurrence of its {@code sub} replaced. */
    public static String withSub(String eventJson, String sub) {
        String current = subOf(eventJson).orElseThrow(() -> new IllegalArgumentException("the event has no sub"));
        return eventJson.replace(current, sub);
    }

    public static String toJson(CognitoUserPoolPostConfirmationEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SERIALIZER.toJson(event, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A sample from the project's {@code events/} folder, found from any module's working directory. */
    public static String sampleEventJson(String fileName) {
        try {
            return Files.readString(eventsDirectory().resolve(fileName), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sample event " + fileName, e);
        }
    }

    public static CognitoUserPoolPostConfirmationEvent sampleEvent(String fileName) {
        return fromJson(sampleEventJson(fileName));
    }

    public static Path eventsDirectory() {
        return CloudFormationYaml.findTemplate().resolveSibling("events");
    }
}
