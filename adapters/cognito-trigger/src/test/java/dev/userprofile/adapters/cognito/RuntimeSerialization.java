package dev.userprofile.adapters.cognito;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes events exactly as the Lambda Java runtime does (its own serialisation library). */
final class RuntimeSerialization {

    private static final PojoSerializer<CognitoUserPoolPostConfirmationEvent> SERIALIZER =
            LambdaEventSerializers.serializerFor(CognitoUserPoolPostConfirmationEvent.class,
                    RuntimeSerialization.class.getClassLoader());

    private RuntimeSerialization() {
    }

    static CognitoUserPoolPostConfirmationEvent fromJson(String json) {
        return SERIALIZER.fromJson(json);
    }

    static CognitoUserPoolPostConfirmationEvent sampleEvent(String fileName) {
        return fromJson(readSample(fileName));
    }

    static String readSample(String fileName) {
        try {
            return Files.readString(eventsDirectory().resolve(fileName), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String toJson(CognitoUserPoolPostConfirmationEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SERIALIZER.toJson(event, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    static Path eventsDirectory() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("events"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("events/ not found");
        }
        return dir.resolve("events");
    }
}
