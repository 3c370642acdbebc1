package dev.userprofile.local.testing.template;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** What a role in template.yaml grants, by statement id: for tests that hold a role to the calls a function made. */
public final class IamStatements {

    private IamStatements() {}

    /** The actions of each statement of {@code roleLogicalId}'s inline policies, by {@code Sid}. */
    public static Map<String, Set<String>> actionsBySid(Map<String, Object> template, String roleLogicalId) {
        Map<String, Object> role = CloudFormationYaml.properties(template, roleLogicalId, "AWS::IAM::Role");
        Map<String, Set<String>> granted = new HashMap<>();
        for (Object policy : CloudFormationYaml.list(role.get("Policies"), roleLogicalId + ".Policies")) {
            Map<String, Object> document = CloudFormationYaml.map(
                    CloudFormationYaml.map(policy, roleLogicalId + " policy").get("PolicyDocument"),
                    roleLogicalId + " PolicyDocument");
            for (Object each : CloudFormationYaml.list(document.get("Statement"), roleLogicalId + " Statement")) {
                Map<String, Object> statement = CloudFormationYaml.map(each, roleLogicalId + " statement");
                if (statement.get("Fn::If") instanceof List<?> branches && branches.size() == 3) {
                    // A statement a parameter turns off: granted as when the feature is on.
                    statement = CloudFormationYaml.map(branches.get(1), roleLogicalId + " statement");
                }
                granted.put(
                        (String) statement.get("Sid"),
                        CloudFormationYaml.list(statement.get("Action"), roleLogicalId + " Action").stream()
                                .map(Object::toString)
                                .collect(Collectors.toCollection(TreeSet::new)));
            }
        }
        return granted;
    }
}
