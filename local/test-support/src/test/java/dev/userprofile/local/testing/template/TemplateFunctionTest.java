package dev.userprofile.local.testing.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A function as the template declares it, and its variables resolved for a local stack. */
class TemplateFunctionTest {

    @TempDir
    Path folder;

    private Path template() throws IOException {
        return Files.writeString(folder.resolve("template.yaml"), """
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: example.Handler::handleRequest
                      Runtime: java25
                      MemorySize: 1769
                      LoggingConfig:
                        LogFormat: JSON
                      Environment:
                        Variables:
                          TABLE_NAME: !Ref Table
                          LOG_LEVEL: INFO
                          RETRIES: 3
                          ARN: !GetAtt Table.Arn
                  Plain:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: example.Plain::handleRequest
                """);
    }

    @Test
    void readsWhatTheRuntimeNeedsWithLambdasDefaultsForWhatIsLeftOut() throws IOException {
        TemplateFunction function = TemplateFunction.fromTemplate(template(), "Fn");
        TemplateFunction plain = TemplateFunction.fromTemplate(template(), "Plain");

        assertThat(function.handler()).isEqualTo("example.Handler::handleRequest");
        assertThat(function.memoryMb()).isEqualTo(1769);
        assertThat(function.logFormat()).isEqualTo("JSON");
        assertThat(plain.memoryMb()).isEqualTo(128);
        assertThat(plain.timeoutSeconds()).isEqualTo(3);
        assertThat(plain.logFormat()).isEqualTo("Text");
        assertThat(plain.environment()).isEmpty();
    }

    @Test
    void resolvesReferencesToLocalNamesAndRefusesWhatHasNoLocalMeaning() throws IOException {
        TemplateFunction function = TemplateFunction.fromTemplate(template(), "Fn");

        assertThatThrownBy(() -> function.resolvedEnvironment(Map.of("Table", "profiles-local")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("environment variable ARN of Fn has no local value");
        TemplateFunction withoutArn = new TemplateFunction(
                function.logicalId(),
                function.handler(),
                function.runtime(),
                function.memoryMb(),
                function.timeoutSeconds(),
                function.logFormat(),
                Map.of("TABLE_NAME", Map.of("Ref", "Table"), "LOG_LEVEL", "INFO", "RETRIES", 3));
        assertThat(withoutArn.resolvedEnvironment(Map.of("Table", "profiles-local")))
                .isEqualTo(Map.of("TABLE_NAME", "profiles-local", "LOG_LEVEL", "INFO", "RETRIES", "3"));
    }

    @Test
    void choosesTheBranchOfAConditionThatHoldsLocallyAndResolvesParametersByName() {
        TemplateFunction function = new TemplateFunction(
                "Sync",
                "example.Sync::handleRequest",
                "java25",
                1769,
                30,
                "JSON",
                Map.of(
                        "USER_POOL_ID", Map.of("Fn::If", List.of("CreateUserPool", Map.of("Ref", "UserPool"), "other")),
                        "MODE", Map.of("Fn::If", List.of("SomethingElse", "on", "off")),
                        "DAYS", Map.of("Ref", "TombstoneRetentionDays")));

        assertThat(function.resolvedEnvironment(Map.of("UserPool", "local_pool", "TombstoneRetentionDays", "30")))
                .isEqualTo(Map.of("USER_POOL_ID", "local_pool", "MODE", "off", "DAYS", "30"));
        assertThatThrownBy(() -> function.resolvedEnvironment(Map.of("TombstoneRetentionDays", "30")))
                .hasMessageContaining("USER_POOL_ID of Sync has no local value");
    }

    @Test
    void readsTheParametersDefaults() throws IOException {
        Path template = Files.writeString(folder.resolve("parameters.yaml"), """
                Parameters:
                  Days:
                    Type: Number
                    Default: 30
                  Required:
                    Type: String
                Resources: {}
                """);

        assertThat(CloudFormationYaml.parameterDefaults(CloudFormationYaml.load(template)))
                .isEqualTo(Map.of("Days", "30"));
    }

    @Test
    void aResourceOfAnotherTypeIsNamed() throws IOException {
        Path template = Files.writeString(folder.resolve("other.yaml"), """
                Resources:
                  Table:
                    Type: AWS::DynamoDB::Table
                    Properties: {}
                """);

        assertThatThrownBy(() -> TemplateFunction.fromTemplate(template, "Table"))
                .hasMessage("Table is not an AWS::Serverless::Function");
    }
}
