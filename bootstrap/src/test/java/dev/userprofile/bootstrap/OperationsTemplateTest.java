package dev.userprofile.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userprofile.adapters.api.ApiInvocation;
import dev.userprofile.adapters.cognito.events.SyncInvocation;
import dev.userprofile.adapters.cognito.trigger.TriggerInvocation;
import dev.userprofile.adapters.schedule.ReconcileInvocation;
import dev.userprofile.adapters.shared.logging.JsonLogLine;
import dev.userprofile.adapters.shared.logging.MetricDimensions;
import dev.userprofile.local.testing.json.JsonValues;
import dev.userprofile.local.testing.template.CloudFormationYaml;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** template.yaml's dashboard and deployment alarms must watch metrics the code really emits, where it emits them. */
class OperationsTemplateTest {

    /** What each function emits in the service's own namespace, by the logical id template.yaml gives it. */
    private static final Map<String, List<String>> EMITTED = Map.of(
            "PostConfirmationFunction", TriggerInvocation.METRIC_NAMES,
            "ProfileApiFunction", ApiInvocation.METRIC_NAMES,
            "UserSyncFunction", SyncInvocation.METRIC_NAMES,
            "ReconcileFunction", ReconcileInvocation.METRIC_NAMES);

    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{([A-Za-z0-9:.]+)}");

    private static Map<String, Object> template;

    /** One metric a widget plots: its namespace, name and dimensions (values as {@code ref:LogicalId}). */
    private record Plotted(String namespace, String name, Map<String, String> dimensions) {}

    @BeforeAll
    static void readTemplate() {
        template = CloudFormationYaml.load(CloudFormationYaml.findTemplate());
    }

    @Test
    void everyMetricOnTheDashboardIsOneTheCodeEmitsForThatFunction() {
        List<Plotted> plotted = dashboardMetrics();
        assertThat(plotted).isNotEmpty();
        for (Plotted metric : plotted) {
            switch (metric.namespace()) {
                case JsonLogLine.METRIC_NAMESPACE -> {
                    String function = logicalId(metric.dimensions().get(JsonLogLine.METRIC_DIMENSION));
                    assertThat(EMITTED).as(metric.toString()).containsKey(function);
                    assertThat(EMITTED.get(function)).as(metric.toString()).contains(metric.name());
                    assertThat(metric.dimensions())
                            .as(metric.toString())
                            .containsOnlyKeys(JsonLogLine.METRIC_DIMENSION);
                }
                case "AWS/Lambda" -> {
                    String function = logicalId(metric.dimensions().get("FunctionName"));
                    assertThat(resourceType(function)).isEqualTo("AWS::Serverless::Function");
                    assertThat(List.of("Duration", "Errors", "Throttles")).contains(metric.name());
                    if (metric.dimensions().containsKey("Resource")) {
                        assertThat(metric.dimensions().get("Resource")).isEqualTo("ref:" + function + ":live");
                        assertThat(properties(function)).containsEntry("AutoPublishAlias", "live");
                    }
                }
                case "AWS/ApiGateway" -> {
                    assertThat(metric.dimensions()).isEqualTo(Map.of("ApiId", "ref:ProfileApi"));
                    assertThat(List.of("Count", "4xx", "5xx", "Latency")).contains(metric.name());
                }
                case "AWS/SQS" ->
                    assertThat(metric.dimensions())
                            .isEqualTo(Map.of("QueueName", "ref:UserSyncDeadLetterQueue.QueueName"));
                default -> throw new AssertionError("unexpected namespace in " + metric);
            }
        }
    }

    @Test
    void theDashboardShowsWhatOperatorsAskFor() {
        Set<String> shown = new HashSet<>();
        dashboardMetrics()
                .forEach(m -> shown.add(m.namespace() + "/" + m.name() + "@"
                        + m.dimensions()
                                .getOrDefault("FunctionName", m.dimensions().getOrDefault("ApiId", ""))));
        String ns = JsonLogLine.METRIC_NAMESPACE + "/";
        assertThat(shown)
                .contains(
                        ns + "Registered@ref:PostConfirmationFunction",
                        ns + "AlreadyRegistered@ref:PostConfirmationFunction",
                        ns + "Failed@ref:PostConfirmationFunction",
                        ns + "AttributesDropped@ref:PostConfirmationFunction",
                        ns + "Healed@ref:PostConfirmationFunction",
                        ns + "Refreshed@ref:PostConfirmationFunction",
                        ns + "Drift@ref:ReconcileFunction",
                        ns + "Erased@ref:ReconcileFunction",
                        ns + "Refused@ref:ReconcileFunction",
                        ns + "Erased@ref:UserSyncFunction",
                        "AWS/ApiGateway/4xx@ref:ProfileApi",
                        "AWS/ApiGateway/5xx@ref:ProfileApi",
                        "AWS/ApiGateway/Latency@ref:ProfileApi");
        for (String function : EMITTED.keySet()) {
            for (String metric : List.of("Duration", "Errors")) {
                assertThat(shown).contains("AWS/Lambda/" + metric + "@ref:" + function);
            }
        }
        String body = dashboardBody();
        for (String logGroup : List.of("PostConfirmationLogGroup", "ProfileApiLogGroup", "UserSyncLogGroup")) {
            assertThat(body)
                    .as("restore durations come from the report lines in " + logGroup)
                    .contains("SOURCE '${" + logGroup + "}'");
        }
        assertThat(body).contains("restoreDurationMs");
        Map<String, Object> url = CloudFormationYaml.map(
                CloudFormationYaml.map(template.get("Outputs"), "Outputs").get("DashboardUrl"), "DashboardUrl");
        assertThat(url.get("Value").toString()).contains("${Dashboard}");
    }

    @Test
    void eachDeploymentAlarmWatchesTheNewVersionOfTheFunctionItGuards() {
        Map<String, List<String>> guards = Map.of(
                "PostConfirmationFunction",
                        List.of(
                                "TriggerNewVersionErrorsAlarm",
                                "TriggerNewVersionFailuresAlarm",
                                "TriggerNewVersionDurationAlarm"),
                "ProfileApiFunction",
                        List.of("ProfileApiNewVersionErrorsAlarm", "ProfileApiNewVersionServerErrorsAlarm"));
        guards.forEach((function, alarms) -> {
            Map<String, Object> preference =
                    CloudFormationYaml.map(properties(function).get("DeploymentPreference"), "DeploymentPreference");
            assertThat(preference.get("Type")).isEqualTo(Map.of("Ref", "DeploymentType"));
            assertThat(preference.get("Alarms"))
                    .isEqualTo(alarms.stream().map(a -> Map.of("Ref", a)).toList());
            for (String alarm : alarms) {
                Map<String, Object> properties =
                        CloudFormationYaml.properties(template, alarm, "AWS::CloudWatch::Alarm");
                Map<String, Object> dimensions = CloudFormationYaml.alarmDimensions(template, alarm);
                assertThat(dimensions)
                        .as(alarm)
                        .containsEntry("FunctionName", Map.of("Ref", function))
                        .containsEntry(
                                MetricDimensions.VERSION_DIMENSION,
                                Map.of("Fn::GetAtt", List.of(function, "Version.Version")));
                assertThat(properties).as(alarm).doesNotContainKey("AlarmActions");
                assertThat(properties).as(alarm).containsEntry("TreatMissingData", "notBreaching");
                if (JsonLogLine.METRIC_NAMESPACE.equals(properties.get("Namespace"))) {
                    assertThat(EMITTED.get(function)).as(alarm).contains((String) properties.get("MetricName"));
                    assertThat(dimensions).as(alarm).containsOnlyKeys("FunctionName", "ExecutedVersion");
                } else {
                    assertThat(properties).containsEntry("Namespace", "AWS/Lambda");
                    assertThat(dimensions)
                            .as(alarm)
                            .containsEntry("Resource", Map.of("Fn::Sub", "${" + function + "}:live"));
                }
            }
        });
    }

    private static String dashboardBody() {
        Map<String, Object> dashboard =
                CloudFormationYaml.properties(template, "Dashboard", "AWS::CloudWatch::Dashboard");
        return (String) CloudFormationYaml.map(dashboard.get("DashboardBody"), "DashboardBody")
                .get("Fn::Sub");
    }

    private static List<Plotted> dashboardMetrics() {
        Matcher substitution = SUBSTITUTION.matcher(dashboardBody());
        String json = substitution.replaceAll(
                match -> match.group(1).startsWith("AWS::") ? match.group(1) : "ref:" + match.group(1));
        List<Plotted> plotted = new ArrayList<>();
        for (Object widget : (List<?>) JsonValues.object(json).get("widgets")) {
            Map<?, ?> w = (Map<?, ?>) widget;
            if (!"metric".equals(w.get("type"))) {
                continue;
            }
            for (Object row : (List<?>) ((Map<?, ?>) w.get("properties")).get("metrics")) {
                List<?> cells = (List<?>) row;
                Map<String, String> dimensions = new HashMap<>();
                int end = cells.getLast() instanceof Map ? cells.size() - 1 : cells.size();
                for (int i = 2; i + 1 < end; i += 2) {
                    dimensions.put((String) cells.get(i), (String) cells.get(i + 1));
                }
                plotted.add(new Plotted((String) cells.get(0), (String) cells.get(1), dimensions));
            }
        }
        return plotted;
    }

    private static String logicalId(String reference) {
        assertThat(reference).startsWith("ref:");
        return reference.substring("ref:".length());
    }

    private static String resourceType(String logicalId) {
        return (String) CloudFormationYaml.map(
                        CloudFormationYaml.map(template.get("Resources"), "Resources")
                                .get(logicalId),
                        logicalId)
                .get("Type");
    }

    private static Map<String, Object> properties(String function) {
        return CloudFormationYaml.properties(template, function, "AWS::Serverless::Function");
    }
}
