package dev.userprofile.adapters.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.userprofile.domain.User;
import java.util.LinkedHashMap;
import java.util.Map;

/** The API's answers: a profile with its entity tag, no content, or an RFC 9457 problem; never cached. */
final class ApiResponses {

    private ApiResponses() {}

    static APIGatewayV2HTTPResponse profile(User user) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("ETag", EntityTags.of(user.version()));
        headers.put("Cache-Control", "no-store");
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(headers)
                .withBody(ProfileJson.profile(user))
                .build();
    }

    static APIGatewayV2HTTPResponse noContent() {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(204)
                .withHeaders(Map.of("Cache-Control", "no-store"))
                .build();
    }

    static APIGatewayV2HTTPResponse problem(Problem problem) {
        return problem(problem, Map.of());
    }

    static APIGatewayV2HTTPResponse problem(Problem problem, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/problem+json");
        headers.put("Cache-Control", "no-store");
        headers.putAll(extra);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(problem.status())
                .withHeaders(headers)
                .withBody(ProfileJson.problem(problem))
                .build();
    }
}
