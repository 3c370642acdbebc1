package dev.userprofile.local.runner;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import dev.userprofile.bootstrap.PostConfirmationHandler;
import dev.userprofile.local.support.CloudFormationYaml;
import dev.userprofile.local.support.DynaliteServer;
import dev.userprofile.local.support.LambdaRuntimeJson;
import dev.userprofile.local.support.LocalDynamoDb;
import dev.userprofile.local.support.LocalLambdaContext;
import dev.userprofile.local.support.TemplateTable;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The service's main job, locally: starts dynalite, creates the table as template.yaml defines it, and runs the real
 * handler (built from the environment exactly as Lambda builds it) on a sample event, then on Cognito's retry of it
 * and on a password reset, printing each returned event and the stored item.
 */
public final class LocalRun {

    private static final PrintStream OUT = System.out;

    private LocalRun() {
    }

    public static void main(String[] args) throws IOException {
        Path eventFile = Path.of(args.length > 0 ? args[0] : "events/sign-up.json");
        URI endpoint = URI.create(requireEnv("AWS_ENDPOINT_URL_DYNAMODB"));
        String tableName = requireEnv("TABLE_NAME");
        String eventJson = Files.readString(eventFile, StandardCharsets.UTF_8);

        try (DynaliteServer dynalite = DynaliteServer.start(endpoint.getPort(), Optional.empty());
             DynamoDbClient dynamoDb = LocalDynamoDb.client(dynalite.endpoint())) {
            OUT.println("dynalite listening on " + dynalite.endpoint());
            TemplateTable.fromTemplate(CloudFormationYaml.findTemplate(), "ProfilesTable").create(dynamoDb, tableName);
            OUT.println("created table " + tableName + " from template.yaml (ProfilesTable)");

            PostConfirmationHandler handler = new PostConfirmationHandler();
            CognitoUserPoolPostConfirmationEvent event = LambdaRuntimeJson.fromJson(eventJson);
            String sub = event.getRequest() == null || event.getRequest().getUserAttributes() == null
                    ? null : event.getRequest().getUserAttributes().get("sub");

            invoke(handler, "1. " + event.getTriggerSource() + " from " + eventFile, eventJson);
            printItem(dynamoDb, tableName, sub);
            invoke(handler, "2. the same event again, as Cognito retries it", eventJson);
            printItem(dynamoDb, tableName, sub);
            String reset = LambdaRuntimeJson.sampleEventJson("password-reset.json");
            invoke(handler, "3. a password reset (events/password-reset.json)", reset);
            printItem(dynamoDb, tableName, LambdaRuntimeJson.fromJson(reset).getRequest().getUserAttributes().get("sub"));
        }
    }

    private static void invoke(PostConfirmationHandler handler, String title, String eventJson) {
        OUT.println();
        OUT.println("== " + title);
        LocalLambdaContext context = new LocalLambdaContext(line -> OUT.println("log: " + line));
        CognitoUserPoolPostConfirmationEvent returned = handler.handleRequest(LambdaRuntimeJson.fromJson(eventJson),
                context);
        OUT.println("returned event: " + LambdaRuntimeJson.toJson(returned));
    }

    private static void printItem(DynamoDbClient dynamoDb, String tableName, String sub) {
        if (sub == null) {
            OUT.println("stored item: (the event has no sub)");
            return;
        }
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(tableName).consistentRead(true)
                .key(Map.of("userId", AttributeValue.fromS(sub)))).item();
        OUT.println("stored item: " + (item.isEmpty() ? "(none)" : DynamoDbJson.format(new TreeMap<>(item))));
        OUT.println("items in table: " + dynamoDb.scan(b -> b.tableName(tableName)).count());
    }

    private static String requireEnv(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set; run through: ./mvnw -q -Prun-local -DskipTests "
                    + "-pl local/runner -am verify");
        }
        return value;
    }
}
