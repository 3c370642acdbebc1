package dev.userprofile.bootstrap;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON line per invocation: request id, trigger source, outcome, duration and the user's {@code sub} (a
 * pseudonymous id, needed to repair a missing profile). Never email, phone, names or the raw event.
 */
final class InvocationLog {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    InvocationLog(String requestId, String triggerSource) {
        fields.put("event", "post_confirmation");
        fields.put("requestId", requestId);
        fields.put("triggerSource", triggerSource);
    }

    InvocationLog with(String key, Object value) {
        if (value != null) {
            fields.put(key, value);
        }
        return this;
    }

    void write(LambdaLogger logger, LogLevel level) {
        logger.log(toJson(), level);
    }

    String toJson() {
        StringBuilder json = new StringBuilder(160).append('{');
        fields.forEach((key, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            appendString(json, key);
            json.append(':');
            if (value instanceof Number || value instanceof Boolean) {
                json.append(value);
            } else {
                appendString(json, String.valueOf(value));
            }
        });
        return json.append('}').toString();
    }

    private static void appendString(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
