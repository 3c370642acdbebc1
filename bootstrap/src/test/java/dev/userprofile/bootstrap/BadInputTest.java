package dev.userprofile.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.userprofile.adapters.cognito.trigger.TriggerFailedException;
import dev.userprofile.adapters.shared.cognito.DroppedAttribute;
import dev.userprofile.local.testing.dynamodb.LocalTables;
import dev.userprofile.local.testing.lambda.LambdaRuntimeJson;
import dev.userprofile.local.testing.lambda.LocalLambdaContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each malformed or unusual event, read from bytes by the Lambda runtime's serialiser and handled by the real
 * handler against dynalite, has exactly its expected outcome: stored correctly, rejected with a message naming the
 * field and rule (never personal data, never a bare NullPointerException), ignored, or unreadable by the runtime.
 * Never a partial item.
 */
@ExtendWith(SharedLocalTables.class)
// It swaps System.out and System.err to see that nothing is printed: no other class may run meanwhile.
@Isolated
class BadInputTest {

    private static LocalTables tables;

    @BeforeAll
    static void useTables(LocalTables shared) {
        tables = shared;
    }

    private static final PojoSerializer<CognitoUserPoolPostConfirmationEvent> RUNTIME =
            LambdaEventSerializers.serializerFor(
                    CognitoUserPoolPostConfirmationEvent.class, BadInputTest.class.getClassLoader());
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+\\d{7,15}");

    private final CognitoTriggerHandler handler = LocalFunctions.trigger(tables);

    @BeforeEach
    void emptyTable() {
        tables.reset();
    }

    static List<BadInput.Case> cases() {
        return BadInput.cases();
    }

    @Test
    void thereAreAtLeastThirtyCases() {
        assertThat(BadInput.cases()).hasSizeGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hasItsExpectedOutcome(BadInput.Case badInput) {
        LocalLambdaContext context = new LocalLambdaContext();
        switch (badInput.expected()) {
            case BadInput.Expected.UnreadableByRuntime unreadable -> {
                assertThat(catchThrowable(() -> RUNTIME.fromJson(new ByteArrayInputStream(badInput.event()))))
                        .isNotNull();
                assertThat(tables.itemCount()).isZero();
            }
            case BadInput.Expected.Rejected rejected -> {
                CognitoUserPoolPostConfirmationEvent event = read(badInput);
                assertThatThrownBy(() -> handler.handleRequest(event, context))
                        .isInstanceOf(TriggerFailedException.class)
                        .hasMessage(TriggerFailedException.Reason.INVALID_EVENT.sentence() + " Reference: "
                                + context.getAwsRequestId());
                assertThat(context.logLines())
                        .singleElement()
                        .asString()
                        .contains(
                                "\"level\":\"ERROR\"",
                                "\"outcome\":\"FAILED\"",
                                "\"error\":\"" + rejected.detail() + "\"");
                assertThat(tables.itemCount()).as("nothing written").isZero();
            }
            case BadInput.Expected.Ignored ignored -> {
                CognitoUserPoolPostConfirmationEvent event = read(badInput);
                assertThat(handler.handleRequest(event, context)).isSameAs(event);
                assertThat(tables.itemCount()).isZero();
            }
            case BadInput.Expected.Stored stored -> {
                CognitoUserPoolPostConfirmationEvent event = read(badInput);
                assertThat(handler.handleRequest(event, context)).isSameAs(event);
                assertThat(tables.itemCount()).isEqualTo(1);
                String sub = event.getRequest().getUserAttributes().get("sub");
                var item = tables.item(sub);
                assertThat(item).containsKeys("userId", "registeredAt", "schemaVersion");
                stored.check().accept(item);
                String line = context.logLines().getFirst();
                if (stored.dropped().isEmpty()) {
                    assertThat(line).contains("\"level\":\"INFO\"").doesNotContain("droppedAttributes");
                } else {
                    assertThat(line)
                            .contains(
                                    "\"level\":\"WARN\"",
                                    "\"AttributesDropped\":" + stored.dropped().size());
                    for (DroppedAttribute dropped : stored.dropped()) {
                        assertThat(line)
                                .contains("{\"attribute\":\"" + dropped.attribute() + "\",\"rule\":\"" + dropped.rule()
                                        + "\"}");
                    }
                }
            }
        }
    }

    /**
     * One run over every sample event and every bad-input case, capturing the handler's log lines and everything
     * printed to stdout/stderr: no email address, phone number or name may appear.
     */
    @Test
    void noPersonalDataReachesTheLogs() throws Exception {
        List<String> logLines = new ArrayList<>();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            List<byte[]> events = new ArrayList<>();
            for (String sample : List.of(
                    "sign-up.json",
                    "admin-confirm-phone.json",
                    "federated-first-sign-in.json",
                    "password-reset.json",
                    "missing-sub.json")) {
                events.add(LambdaRuntimeJson.sampleEventJson(sample).getBytes(StandardCharsets.UTF_8));
            }
            BadInput.cases().forEach(c -> events.add(c.event()));
            CognitoTriggerHandler fresh = LocalFunctions.trigger(tables);
            for (byte[] bytes : events) {
                LocalLambdaContext context = new LocalLambdaContext();
                try {
                    fresh.handleRequest(RUNTIME.fromJson(new ByteArrayInputStream(bytes)), context);
                } catch (RuntimeException expectedForSomeCases) {
                    // Rejections are part of the run; only what was logged matters here.
                }
                logLines.addAll(context.logLines());
            }
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        String everything = String.join("\n", logLines) + "\n" + printed.toString(StandardCharsets.UTF_8);

        assertThat(logLines).as("one line per handled invocation").hasSizeGreaterThanOrEqualTo(35);
        assertThat(EMAIL.matcher(everything).find())
                .as("an email address in:\n" + everything)
                .isFalse();
        assertThat(PHONE.matcher(everything).find())
                .as("a phone number in the logs")
                .isFalse();
        for (String value : BadInput.PERSONAL_VALUES) {
            assertThat(everything).as("personal value in the logs").doesNotContain(value);
        }
    }

    private static CognitoUserPoolPostConfirmationEvent read(BadInput.Case badInput) {
        return RUNTIME.fromJson(new ByteArrayInputStream(badInput.event()));
    }
}
