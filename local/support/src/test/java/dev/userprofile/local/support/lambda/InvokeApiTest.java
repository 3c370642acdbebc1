package dev.userprofile.local.support.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One Invoke API for several functions, answering as Lambda's does. */
class InvokeApiTest {

    private final InvokeApi api = new InvokeApi(0);
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> triggerEvents = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        api.close();
        http.close();
    }

    private HttpResponse<String> invoke(String function, String event) throws Exception {
        URI uri = api.endpoint().resolve("/2015-03-31/functions/" + function + "/invocations");
        return http.send(
                HttpRequest.newBuilder(uri)
                        .POST(HttpRequest.BodyPublishers.ofString(event))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void registerTwoFunctions() {
        api.register("Trigger", event -> {
            triggerEvents.add(event);
            return new RuntimeApi.InvocationResult(event, Optional.empty());
        });
        api.register(
                "Api",
                event -> new RuntimeApi.InvocationResult("{\"errorMessage\":\"boom\"}", Optional.of("Unhandled")));
    }

    @Test
    void routesEachInvocationToTheFunctionItNamesByNameOrArn() throws Exception {
        registerTwoFunctions();

        HttpResponse<String> byName = invoke("Trigger", "{\"n\":1}");
        HttpResponse<String> byArn = invoke("arn:aws:lambda:eu-west-1:123456789012:function:Trigger", "{\"n\":2}");
        HttpResponse<String> byAliasArn =
                invoke("arn:aws:lambda:eu-west-1:123456789012:function:Trigger:live", "{\"n\":3}");
        HttpResponse<String> byQualifiedName = invoke("Trigger:live", "{\"n\":4}");

        assertThat(byName.statusCode()).isEqualTo(200);
        assertThat(byName.body()).isEqualTo("{\"n\":1}");
        assertThat(byArn.body()).isEqualTo("{\"n\":2}");
        assertThat(byName.headers().firstValue("X-Amz-Function-Error")).isEmpty();
        assertThat(byAliasArn.body()).isEqualTo("{\"n\":3}");
        assertThat(byQualifiedName.body()).isEqualTo("{\"n\":4}");
        assertThat(triggerEvents).containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}");
    }

    @Test
    void aFunctionErrorIsA200WithTheErrorHeaderAsOnLambda() throws Exception {
        registerTwoFunctions();

        HttpResponse<String> failed = invoke("Api", "{}");

        assertThat(failed.statusCode()).isEqualTo(200);
        assertThat(failed.headers().firstValue("X-Amz-Function-Error")).contains("Unhandled");
        assertThat(failed.body()).contains("boom");
        assertThat(triggerEvents).isEmpty();
    }

    @Test
    void anUnknownFunctionOrPathIsNotFound() throws Exception {
        registerTwoFunctions();

        HttpResponse<String> unknown = invoke("Nope", "{}");
        HttpResponse<String> wrongPath = http.send(
                HttpRequest.newBuilder(api.endpoint().resolve("/elsewhere"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("x-amzn-ErrorType")).contains("ResourceNotFoundException");
        assertThat(unknown.body()).contains("Function not found: Nope");
        assertThat(wrongPath.statusCode()).isEqualTo(404);
    }
}
