package dev.userprofile.local.testing.cognito;

import dev.userprofile.local.testing.dynamodb.LocalDynamoDb;
import dev.userprofile.local.testing.net.LoopbackPorts;
import dev.userprofile.local.testing.process.NodeServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * cognito-local (a Cognito user pools emulator from npm) in a child process on loopback, with its PostConfirmation
 * trigger calling a Lambda Invoke endpoint. Confirmation codes are fixed to {@link #code()} so that sign-up can be
 * scripted.
 */
public final class CognitoLocalServer implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

    private final NodeServer server;
    private final String code;

    private CognitoLocalServer(NodeServer server, String code) {
        this.server = server;
        this.code = code;
    }

    /**
     * @param dataDir        where cognito-local keeps its config and users (a fresh temp folder for in-memory runs)
     * @param lambdaEndpoint the Invoke endpoint its triggers call
     * @param functionName   the function its triggers invoke
     * @param triggers       which of the pool's triggers invoke it, as template.yaml's {@code LambdaConfig} names
     *                       them ({@code PostConfirmation}, {@code PostAuthentication})
     */
    public static CognitoLocalServer start(
            int port,
            Path dataDir,
            URI lambdaEndpoint,
            String functionName,
            List<String> triggers,
            String code,
            Consumer<String> logSink) {
        int chosen = LoopbackPorts.claim(port);
        Path program = NodeServer.locatePackage("cognito-local").resolve("lib/bin/start.js");
        try {
            Files.createDirectories(dataDir.resolve(".cognito"));
            Files.writeString(
                    dataDir.resolve(".cognito/config.json"),
                    """
                    {
                      "LambdaClient": {
                        "endpoint": "%s",
                        "region": "local",
                        "credentials": {"accessKeyId": "local", "secretAccessKey": "local"}
                      },
                      "TriggerFunctions": {%s},
                      "UserPoolDefaults": {"UsernameAttributes": ["email"]},
                      "TokenConfig": {"IssuerDomain": "http://127.0.0.1:%d"}
                    }
                    """.formatted(
                                    lambdaEndpoint,
                                    triggers.stream()
                                            .map(trigger -> "\"" + trigger + "\": \"" + functionName + "\"")
                                            .collect(Collectors.joining(", ")),
                                    chosen),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write cognito-local's configuration in " + dataDir, e);
        }
        NodeServer server = NodeServer.start(
                "cognito-local",
                "node-child.js",
                List.of(program.toString()),
                dataDir,
                Map.of("PORT", Integer.toString(chosen), "HOST", "127.0.0.1", "CODE", code),
                chosen,
                STARTUP_TIMEOUT,
                logSink);
        return new CognitoLocalServer(server, code);
    }

    /** A plain Cognito client for this server: dummy credentials, the local region, the URL-connection client. */
    public CognitoIdentityProviderClient client() {
        return client(endpoint());
    }

    /** The same client, for a proxy in front of this server at {@code endpoint}. */
    public static CognitoIdentityProviderClient client(URI endpoint) {
        return CognitoIdentityProviderClient.builder()
                .endpointOverride(endpoint)
                .region(LocalDynamoDb.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** The issuer of a pool's tokens, as cognito-local signs them. */
    public String issuer(String userPoolId) {
        return endpoint() + "/" + userPoolId;
    }

    /** Where cognito-local publishes a pool's signing keys. */
    public URI jwks(String userPoolId) {
        return URI.create(issuer(userPoolId) + "/.well-known/jwks.json");
    }

    public int port() {
        return server.port();
    }

    /** The confirmation and reset code cognito-local issues for every user. */
    public String code() {
        return code;
    }

    @Override
    public void close() {
        server.close();
    }
}
