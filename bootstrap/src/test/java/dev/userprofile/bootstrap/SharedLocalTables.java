package dev.userprofile.bootstrap;

import dev.userprofile.local.testing.dynamodb.DynaliteServer;
import dev.userprofile.local.testing.dynamodb.LocalTables;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands each test class {@link LocalTables} of its own on one dynalite for the whole test run: dynalite is started
 * when a class first asks and stopped when the run ends; a class's tables and recording front are made for it and
 * deleted after it. So classes that use DynamoDB can run side by side (the module sets test.classes.parallel). Each test
 * empties its class's tables itself ({@link LocalTables#reset()}).
 */
final class SharedLocalTables implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SharedLocalTables.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalTables.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        DynaliteServer dynalite = context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent("dynalite", key -> new Closing(DynaliteServer.start()), Closing.class)
                .server();
        ExtensionContext testClass = topLevelClass(context);
        String tableName = "profiles-" + testClass.getRequiredTestClass().getSimpleName();
        return testClass
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        "tables", key -> new ClosingTables(LocalTables.on(dynalite, tableName)), ClosingTables.class)
                .tables();
    }

    /** The context of the test class the request comes from: its tables are closed when that class is done. */
    private static ExtensionContext topLevelClass(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getParent().isPresent() && current.getParent().get() != context.getRoot()) {
            current = current.getParent().get();
        }
        return current;
    }

    /** Closed by JUnit with the root context, at the end of the run. */
    private record Closing(DynaliteServer server) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
        }
    }

    /** Closed by JUnit with the class's context, when its last test is done. */
    private record ClosingTables(LocalTables tables) implements AutoCloseable {
        @Override
        public void close() {
            tables.close();
        }
    }
}
