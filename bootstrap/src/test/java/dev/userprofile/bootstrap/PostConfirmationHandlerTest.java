package dev.userprofile.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userprofile.adapters.cognito.PostConfirmationCommandMapper;
import dev.userprofile.adapters.cognito.PostConfirmationTrigger;
import dev.userprofile.application.port.in.RegisterUserUseCase;
import dev.userprofile.local.support.LambdaRuntimeJson;
import dev.userprofile.local.support.LocalLambdaContext;
import org.junit.jupiter.api.Test;

/** The handler's own behaviour when something it does not expect goes wrong. */
class PostConfirmationHandlerTest {

    @Test
    void anUnexpectedFailureNeverShowsItsMessageToTheUserOrTheLog() {
        NullPointerException bug = new NullPointerException("jane.doe@example.com was null somehow");
        RegisterUserUseCase broken = command -> {
            throw bug;
        };
        PostConfirmationHandler handler = new PostConfirmationHandler(
                new PostConfirmationTrigger(broken, new PostConfirmationCommandMapper()));
        LocalLambdaContext context = new LocalLambdaContext();

        assertThatThrownBy(() -> handler.handleRequest(LambdaRuntimeJson.sampleEvent("sign-up.json"), context))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("PostConfirmation failed unexpectedly (request " + context.getAwsRequestId()
                        + "); the function's log has the details")
                .hasCause(bug);
        assertThat(context.logLines()).singleElement().asString()
                .contains("\"outcome\":\"FAILED\"", "java.lang.NullPointerException")
                .doesNotContain("jane.doe");
    }
}
