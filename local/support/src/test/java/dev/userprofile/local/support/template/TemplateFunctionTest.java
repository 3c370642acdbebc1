package dev.userprofile.local.support.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
