package dev.userprofile.local.runner;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Prints an item in DynamoDB's JSON form, as the console and the AWS CLI show it. */
final class DynamoDbJson {

    private DynamoDbJson() {}

    static String format(Map<String, AttributeValue> item) {
        StringBuilder json = new StringBuilder("{");
        item.forEach((name, value) -> {
            if (json.length() > 1) {
                json.append(", ");
            }
            json.append(quote(name)).append(": ").append(format(value));
        });
        return json.append('}').toString();
    }

    private static String format(AttributeValue value) {
        return switch (value.type()) {
            case S -> "{\"S\": " + quote(value.s()) + "}";
            case N -> "{\"N\": " + quote(value.n()) + "}";
            case BOOL -> "{\"BOOL\": " + value.bool() + "}";
            case NUL -> "{\"NULL\": true}";
            default -> "{\"" + value.type() + "\": " + quote(String.valueOf(value)) + "}";
        };
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", c));
                    } else {
                        quoted.appendCodePoint(c);
                    }
                }
            }
        });
        return quoted.append('"').toString();
    }
}
