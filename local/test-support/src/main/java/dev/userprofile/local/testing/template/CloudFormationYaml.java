package dev.userprofile.local.testing.template;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a CloudFormation/SAM template, turning the short-form intrinsic tags ({@code !Ref}, {@code !GetAtt},
 * {@code !Sub}, ...) into their long form ({@code {Ref: ...}}, {@code {Fn::GetAtt: [...]}}), as CloudFormation does,
 * and the one place that walks what it read: {@link #map}, {@link #list} and {@link #properties} say which part of
 * the template was not what the caller expected.
 */
public final class CloudFormationYaml {

    private static final List<String> FUNCTIONS = List.of(
            "Base64",
            "Cidr",
            "FindInMap",
            "GetAtt",
            "GetAZs",
            "ImportValue",
            "Join",
            "Select",
            "Split",
            "Sub",
            "Transform",
            "And",
            "Equals",
            "If",
            "Not",
            "Or",
            "ToJsonString",
            "Length");

    private CloudFormationYaml() {}

    public static Map<String, Object> load(Path template) {
        try (Reader reader = Files.newBufferedReader(template, StandardCharsets.UTF_8)) {
            Object document = new Yaml(new IntrinsicConstructor()).load(reader);
            if (!(document instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException(template + " is not a YAML mapping");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> result = (Map<String, Object>) map;
            return result;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + template + ": " + e.getMessage(), e);
        }
    }

    /**
     * The {@code Properties} of the resource {@code logicalId}, which must be of {@code type}.
     *
     * @throws IllegalArgumentException naming the resource when it is missing or of another type
     */
    public static Map<String, Object> properties(Map<String, Object> template, String logicalId, String type) {
        Map<String, Object> resource =
                map(map(template.get("Resources"), "Resources").get(logicalId), "Resources." + logicalId);
        if (!type.equals(resource.get("Type"))) {
            throw new IllegalArgumentException(logicalId + " is not an " + type);
        }
        return map(resource.get("Properties"), logicalId + ".Properties");
    }

    /** The dimensions of the alarm {@code logicalId}, by name (values as the template writes them). */
    public static Map<String, Object> alarmDimensions(Map<String, Object> template, String logicalId) {
        Map<String, Object> byName = new HashMap<>();
        list(properties(template, logicalId, "AWS::CloudWatch::Alarm").get("Dimensions"), logicalId + ".Dimensions")
                .forEach(d -> byName.put(
                        (String) map(d, logicalId).get("Name"),
                        map(d, logicalId).get("Value")));
        return byName;
    }

    /** Each parameter that has a default, with that default as text (as CloudFormation hands it over). */
    public static Map<String, String> parameterDefaults(Map<String, Object> template) {
        Map<String, String> defaults = new java.util.LinkedHashMap<>();
        if (template.get("Parameters") instanceof Map<?, ?> parameters) {
            parameters.forEach((name, spec) -> {
                if (spec instanceof Map<?, ?> declared && declared.get("Default") != null) {
                    defaults.put(name.toString(), declared.get("Default").toString());
                }
            });
        }
        return defaults;
    }

    /** {@code value} as a mapping. @throws IllegalArgumentException naming {@code where} when it is not one */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value, String where) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException(where + " is missing or not a mapping in the template");
    }

    /** {@code value} as a list. @throws IllegalArgumentException naming {@code where} when it is not one */
    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value, String where) {
        if (value instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw new IllegalArgumentException(where + " is missing or not a list in the template");
    }

    /** Finds template.yaml by walking up from the working directory, so it works from any module. */
    public static Path findTemplate() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("template.yaml");
            if (Files.isRegularFile(candidate) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(
                "template.yaml not found above " + Path.of("").toAbsolutePath());
    }

    private static final class IntrinsicConstructor extends SafeConstructor {

        IntrinsicConstructor() {
            super(new LoaderOptions());
            yamlConstructors.put(new Tag("!Ref"), new LongForm("Ref"));
            // The one function whose long form has no "Fn::" prefix.
            yamlConstructors.put(new Tag("!Condition"), new LongForm("Condition"));
            for (String function : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + function), new LongForm("Fn::" + function));
            }
        }

        private final class LongForm extends AbstractConstruct {
            private final String key;

            LongForm(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value = switch (node) {
                    case ScalarNode scalar -> {
                        String text = scalar.getValue();
                        yield key.equals("Fn::GetAtt") ? Arrays.asList(text.split("\\.", 2)) : text;
                    }
                    case SequenceNode sequence -> constructSequence(sequence);
                    case MappingNode mapping -> constructMapping(mapping);
                    default -> throw new IllegalArgumentException("unsupported node for " + key);
                };
                Map<String, Object> longForm = new LinkedHashMap<>();
                longForm.put(key, value);
                return longForm;
            }
        }
    }
}
