package dev.userprofile.adapters.dynamodb.priming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The rehearsal's client answers with a stored item of any attribute type, through the SDK's own unmarshalling, so a
 * new stored attribute never means editing the priming.
 */
class RehearsalHttpClientTest {

    @Test
    void aStoredItemOfEveryAttributeTypeComesBackAsItWasUnderTheKeyAskedFor() {
        Map<String, AttributeValue> stored = Map.ofEntries(
                Map.entry("userId", AttributeValue.fromS("the-stored-key")),
                Map.entry("string", AttributeValue.fromS("caf\u00e9 \"quoted\"")),
                Map.entry("number", AttributeValue.fromN("12.5")),
                Map.entry("binary", AttributeValue.fromB(SdkBytes.fromUtf8String("bytes"))),
                Map.entry("flag", AttributeValue.fromBool(true)),
                Map.entry("nothing", AttributeValue.fromNul(true)),
                Map.entry("strings", AttributeValue.fromSs(List.of("a", "b"))),
                Map.entry("numbers", AttributeValue.fromNs(List.of("1", "2"))),
                Map.entry("binaries", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("x")))),
                Map.entry(
                        "list", AttributeValue.fromL(List.of(AttributeValue.fromS("one"), AttributeValue.fromN("2")))),
                Map.entry(
                        "map",
                        AttributeValue.fromM(Map.of(
                                "nested", AttributeValue.fromM(Map.of("deep", AttributeValue.fromBool(false)))))));
        try (DynamoDbClient client = DynamoDbClient.builder()
                .region(Region.EU_WEST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(new RehearsalHttpClient(stored))
                .build()) {
            Map<String, AttributeValue> found = client.getItem(
                            b -> b.tableName("profiles").key(Map.of("userId", AttributeValue.fromS("asked-for"))))
                    .item();

            assertThat(found).hasSameSizeAs(stored);
            assertThat(found.get("userId")).isEqualTo(AttributeValue.fromS("asked-for"));
            stored.forEach((name, value) -> {
                if (!name.equals("userId")) {
                    assertThat(Optional.ofNullable(found.get(name))).as(name).contains(value);
                }
            });
        }
    }
}
