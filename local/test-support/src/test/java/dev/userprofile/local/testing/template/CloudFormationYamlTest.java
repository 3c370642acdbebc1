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

/** The template reader: short-form tags become CloudFormation's long form, and a bad shape is named. */
class CloudFormationYamlTest {

    @TempDir
    Path folder;

    private Map<String, Object> read(String yaml) throws IOException {
        Path template = folder.resolve("template.yaml");
        Files.writeString(template, yaml);
        return CloudFormationYaml.load(template);
    }

    @Test
    void turnsEveryShortFormIntoItsLongForm() throws IOException {
        Map<String, Object> values = CloudFormationYaml.map(read("""
                Outputs:
                  ref: !Ref Table
                  getAtt: !GetAtt Table.Arn
                  sub: !Sub "arn:${AWS::Partition}:x"
                  join: !Join [",", [a, b]]
                  condition: !If [Create, !Ref A, !Ref AWS::NoValue]
                  findInMap: !FindInMap {MapName: M, TopLevelKey: K, SecondLevelKey: S}
                """).get("Outputs"), "Outputs");

        assertThat(values.get("ref")).isEqualTo(Map.of("Ref", "Table"));
        assertThat(values.get("getAtt")).isEqualTo(Map.of("Fn::GetAtt", List.of("Table", "Arn")));
        assertThat(values.get("sub")).isEqualTo(Map.of("Fn::Sub", "arn:${AWS::Partition}:x"));
        assertThat(values.get("join")).isEqualTo(Map.of("Fn::Join", List.of(",", List.of("a", "b"))));
        assertThat(values.get("condition"))
                .isEqualTo(Map.of("Fn::If", List.of("Create", Map.of("Ref", "A"), Map.of("Ref", "AWS::NoValue"))));
        assertThat(values.get("findInMap"))
                .isEqualTo(Map.of("Fn::FindInMap", Map.of("MapName", "M", "TopLevelKey", "K", "SecondLevelKey", "S")));
    }

    @Test
    void theConditionFunctionsLongFormHasNoFnPrefix() throws IOException {
        Map<String, Object> outputs = CloudFormationYaml.map(read("""
                Outputs:
                  and: !And [!Condition Create, !Not [!Equals [!Ref P, ""]]]
                """).get("Outputs"), "Outputs");

        assertThat(outputs.get("and"))
                .isEqualTo(Map.of(
                        "Fn::And",
                        List.of(
                                Map.of("Condition", "Create"),
                                Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", "P"), "")))))));
    }

    @Test
    void readsAResourcesPropertiesAndNamesWhatIsMissingOrOfAnotherType() throws IOException {
        Map<String, Object> template = read("""
                Resources:
                  Table:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      BillingMode: PAY_PER_REQUEST
                  Broken:
                    Type: AWS::DynamoDB::Table
                """);

        assertThat(CloudFormationYaml.properties(template, "Table", "AWS::DynamoDB::Table"))
                .containsEntry("BillingMode", "PAY_PER_REQUEST");
        assertThatThrownBy(() -> CloudFormationYaml.properties(template, "Table", "AWS::Serverless::Function"))
                .hasMessage("Table is not an AWS::Serverless::Function");
        assertThatThrownBy(() -> CloudFormationYaml.properties(template, "Missing", "AWS::DynamoDB::Table"))
                .hasMessage("Resources.Missing is missing or not a mapping in the template");
        assertThatThrownBy(() -> CloudFormationYaml.properties(template, "Broken", "AWS::DynamoDB::Table"))
                .hasMessage("Broken.Properties is missing or not a mapping in the template");
        assertThatThrownBy(() -> CloudFormationYaml.list("text", "KeySchema"))
                .hasMessage("KeySchema is missing or not a list in the template");
    }

    @Test
    void aDocumentThatIsNotAMappingIsRefused() {
        assertThatThrownBy(() -> read("- just\n- a list\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("is not a YAML mapping");
    }

    @Test
    void findsTheProjectsTemplateFromAnyModule() {
        Path template = CloudFormationYaml.findTemplate();

        assertThat(template.getFileName().toString()).isEqualTo("template.yaml");
        assertThat(template.resolveSibling("pom.xml")).exists();
    }
}
