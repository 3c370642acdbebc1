package dev.userprofile.bootstrap;

import dev.userprofile.local.testing.cognito.CognitoLocalServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One cognito-local for the whole test run, handed to every test class that asks for it (each makes pools of its
 * own), as {@link SharedLocalTables} hands out dynalite.
 */
final class SharedCognitoLocal implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == CognitoLocalServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.create(SharedCognitoLocal.class))
                .getOrComputeIfAbsent("cognito-local", key -> new Closing(start()), Closing.class)
                .server();
    }

    private static CognitoLocalServer start() {
        try {
            Path data = Files.createTempDirectory("cognito-local");
            // No trigger: these tests drive the functions themselves.
            return CognitoLocalServer.start(
                    0, data, URI.create("http://127.0.0.1:9"), "none", List.of(), "123456", l -> {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closed by JUnit with the root context, at the end of the run. */
    private record Closing(CognitoLocalServer server) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
        }
    }
}
