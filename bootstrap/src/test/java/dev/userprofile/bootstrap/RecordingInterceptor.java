package dev.userprofile.bootstrap;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Registered for every SDK client in the test JVM (see software/amazon/awssdk/global/handlers), so tests see which
 * AWS operations the real, Dagger-built handler performs, attempt by attempt.
 */
public final class RecordingInterceptor implements ExecutionInterceptor {

    private static final List<String> OPERATIONS = new CopyOnWriteArrayList<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        OPERATIONS.add(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + ":"
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    static void clear() {
        OPERATIONS.clear();
    }

    static List<String> operations() {
        return List.copyOf(OPERATIONS);
    }
}
