package dev.userprofile.local.runner;

import dev.userprofile.local.testing.lambda.LambdaRuntimeJson;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The local stack's command line.
 *
 * <pre>
 * demo                  sign a user up, confirm, show the profile, reset the password, show it unchanged; exit
 * run                   start everything, print endpoints and examples, run until Ctrl-C or SIGTERM
 * invoke EVENT.json     invoke the function once through the Invoke endpoint and show the stored item
 * options: --dynalite-port N  --lambda-port N  --cognito-port N  --api-port N  --path DIR (keep data in DIR)
 * </pre>
 */
public final class LocalStackCommand {

    private static final PrintStream OUT = System.out;

    static final String USAGE = "usage: [demo | run | invoke EVENT.json] [--dynalite-port N] [--lambda-port N]"
            + " [--cognito-port N] [--api-port N] [--path DIR]";

    private LocalStackCommand() {}

    public static void main(String[] args) throws Exception {
        Deque<String> rest = new ArrayDeque<>(List.of(args));
        String mode = rest.isEmpty() || rest.peek().startsWith("--") ? "demo" : rest.pop();
        String eventFile;
        LocalStack.Options options;
        try {
            eventFile = mode.equals("invoke") ? required(rest.poll(), "invoke needs an event file") : null;
            options = options(rest);
        } catch (IllegalArgumentException e) {
            // A mistyped option is one line and the usage, never a stack trace.
            System.err.println("local stack: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        int status;
        try {
            status = switch (mode) {
                case "demo" -> demo(options);
                case "run" -> run(options);
                case "invoke" -> invoke(options, Path.of(eventFile));
                default -> {
                    System.err.println("unknown mode " + mode + ": use demo, run or invoke EVENT.json");
                    yield 2;
                }
            };
        } catch (IllegalStateException e) {
            System.err.println("local stack: " + e.getMessage());
            status = 1;
        }
        System.exit(status);
    }

    private static LocalStack.Options options(Deque<String> args) {
        LocalStack.Options defaults = LocalStack.Options.defaults();
        int dynalite = defaults.dynalitePort();
        int lambda = defaults.lambdaPort();
        int cognito = defaults.cognitoPort();
        int api = defaults.apiPort();
        Optional<Path> path = Optional.empty();
        while (!args.isEmpty()) {
            String option = args.pop();
            String value = required(args.poll(), option + " needs a value");
            switch (option) {
                case "--dynalite-port" -> dynalite = port(option, value);
                case "--lambda-port" -> lambda = port(option, value);
                case "--cognito-port" -> cognito = port(option, value);
                case "--api-port" -> api = port(option, value);
                case "--path" -> path = Optional.of(Path.of(value).toAbsolutePath());
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return new LocalStack.Options(dynalite, lambda, cognito, api, path, defaults.code());
    }

    private static int port(String option, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65_535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a port number, 0 to 65535");
        }
    }

    private static String required(String value, String message) {
        if (value == null) {
            throw new IllegalArgumentException(message);
        }
        return value;
    }

    private static LocalStack start(LocalStack.Options options) {
        LocalStack stack = LocalStack.start(options, line -> OUT.println("  function | " + line), line -> {});
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-shutdown"));
        OUT.println("dynalite (DynamoDB API)  " + stack.dynamoDbEndpoint() + "   table " + LocalStack.TABLE_NAME);
        OUT.println("Lambda Invoke API        " + stack.lambdaEndpoint() + "   functions " + stack.functionName() + ", "
                + LocalStack.API_FUNCTION_LOGICAL_ID + ", " + LocalStack.SYNC_FUNCTION_LOGICAL_ID + ", "
                + LocalStack.RECONCILE_FUNCTION_LOGICAL_ID + " (on demand)");
        OUT.println("cognito-local            " + stack.cognitoEndpoint() + "   pool " + stack.userPoolId()
                + "   client " + stack.clientId() + "   (its user calls reach the sync function as CloudTrail events)");
        OUT.println("profile API (HTTP API)   " + stack.apiEndpoint() + "/me   JWT authorizer on that pool and client");
        return stack;
    }

    private static int demo(LocalStack.Options options) {
        try (LocalStack stack = start(options)) {
            return new Demo(stack, OUT).run() ? 0 : 1;
        }
    }

    private static int run(LocalStack.Options options) throws InterruptedException {
        LocalStack stack = start(options);
        OUT.println(Examples.text(stack));
        OUT.println("Running. Ctrl-C stops everything.");
        new CountDownLatch(1).await();
        return 0;
    }

    private static int invoke(LocalStack.Options options, Path eventFile) throws Exception {
        String event = Files.readString(eventFile, StandardCharsets.UTF_8);
        try (LocalStack stack = start(options);
                HttpClient http = HttpClient.newHttpClient()) {
            URI uri = stack.lambdaEndpoint().resolve("/2015-03-31/functions/" + stack.functionName() + "/invocations");
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri)
                            .POST(HttpRequest.BodyPublishers.ofString(event))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Optional<String> error = response.headers().firstValue("X-Amz-Function-Error");
            OUT.println();
            OUT.println("== invoked " + stack.functionName() + " with " + eventFile + ": HTTP " + response.statusCode()
                    + error.map(e -> ", function error " + e).orElse(""));
            OUT.println("returned: " + response.body());
            LambdaRuntimeJson.subOf(event)
                    .ifPresent(sub -> OUT.println("stored item: " + Profiles.describe(stack, sub)));
            OUT.println("items in table: " + Profiles.count(stack));
            return error.isPresent() ? 1 : 0;
        }
    }
}
