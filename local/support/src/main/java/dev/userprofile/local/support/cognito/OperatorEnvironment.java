package dev.userprofile.local.support.cognito;

import java.net.URI;
import java.util.Map;

/** The variables an operator's shell gives {@code profiles-admin} to reach a local Cognito and local tables. */
public final class OperatorEnvironment {

    private OperatorEnvironment() {}

    public static Map<String, String> variables(URI cognito, URI dynamoDb) {
        return Map.of(
                "AWS_REGION", "eu-west-1",
                "AWS_ACCESS_KEY_ID", "operator",
                "AWS_SECRET_ACCESS_KEY", "operator",
                "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", cognito.toString(),
                "AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.toString());
    }
}
