package dev.userprofile.bootstrap;

import dev.userprofile.local.support.dynamodb.LocalTables;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands test classes one {@link LocalTables} for the whole test run: started by JUnit when a class first asks for it
 * and closed by JUnit when the run ends, so no test class starts or stops a server of its own. Each test empties the
 * table itself ({@link LocalTables#reset()}).
 */
final class SharedLocalTables implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalTables.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.create(SharedLocalTables.class))
                .getOrComputeIfAbsent("tables", key -> new Closing(LocalTables.start("profiles-e2e")), Closing.class)
                .tables();
    }

    /** Closed by JUnit with the root context, at the end of the run. */
    private record Closing(LocalTables tables) implements AutoCloseable {
        @Override
        public void close() {
            tables.close();
        }
    }
}
