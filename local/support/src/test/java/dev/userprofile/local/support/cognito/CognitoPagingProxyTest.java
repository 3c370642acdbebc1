package dev.userprofile.local.support.cognito;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userprofile.local.testing.json.JsonValues;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The page cutting, on a ListUsers answer as cognito-local gives it (every user at once). */
class CognitoPagingProxyTest {

    private static byte[] allUsers(int count) {
        StringBuilder json = new StringBuilder("{\"Users\":[");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"Username\":\"u")
                    .append(i)
                    .append("\",\"Attributes\":[{\"Name\":\"sub\",\"Value\":\"s")
                    .append(i)
                    .append("\"}]}");
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> page(Map<String, Object> request, int total) throws Exception {
        return JsonValues.object(new String(CognitoPagingProxy.page(request, allUsers(total)), StandardCharsets.UTF_8));
    }

    @Test
    void pagesThroughEveryUserOnceWithTokensLikeCognito() throws Exception {
        Map<String, Object> first = page(Map.of("UserPoolId", "p", "Limit", 60L), 130);
        Map<String, Object> second = page(Map.of("Limit", 60L, "PaginationToken", first.get("PaginationToken")), 130);
        Map<String, Object> last = page(Map.of("Limit", 60L, "PaginationToken", second.get("PaginationToken")), 130);

        assertThat((List<?>) first.get("Users")).hasSize(60);
        assertThat((List<?>) second.get("Users")).hasSize(60);
        assertThat((List<?>) last.get("Users")).hasSize(10);
        assertThat(last).doesNotContainKey("PaginationToken");
        assertThat(((Map<?, ?>) ((List<?>) second.get("Users")).getFirst()).get("Username"))
                .isEqualTo("u60");
        assertThat(((Map<?, ?>) ((List<?>) last.get("Users")).getLast()).get("Username"))
                .isEqualTo("u129");
    }

    @Test
    void withoutALimitAPageHoldsSixtyAndAnEmptyPoolHasNoToken() throws Exception {
        assertThat((List<?>) page(Map.of(), 61).get("Users")).hasSize(60);
        assertThat(page(Map.of(), 0)).isEqualTo(Map.of("Users", List.of()));
    }
}
