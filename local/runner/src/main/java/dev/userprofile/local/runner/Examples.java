package dev.userprofile.local.runner;

/** Ready-to-paste commands for the running local stack. */
final class Examples {

    private Examples() {}

    static String text(LocalStack stack) {
        return """

                Try it (any AWS credentials work locally; codes are always %6$s):

                  export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_REGION=%7$s AWS_DEFAULT_REGION=%7$s

                AWS CLI (v2; with v1, leave out --cli-binary-format raw-in-base64-out)
                  aws cognito-idp sign-up --endpoint-url %1$s --client-id %2$s \\
                      --username you@example.com --password 'Correct-Horse-9' \\
                      --user-attributes Name=email,Value=you@example.com Name=given_name,Value=You
                  aws cognito-idp confirm-sign-up --endpoint-url %1$s --client-id %2$s \\
                      --username you@example.com --confirmation-code %6$s
                  aws dynamodb get-item --endpoint-url %3$s --table-name %4$s \\
                      --key '{"userId":{"S":"<the UserSub that sign-up printed>"}}'
                  aws dynamodb scan --endpoint-url %3$s --table-name %4$s
                  aws lambda invoke --endpoint-url %5$s --function-name %8$s \\
                      --cli-binary-format raw-in-base64-out --payload file://events/sign-up.json /dev/stdout
                  aws cognito-idp admin-update-user-attributes --endpoint-url %1$s --user-pool-id %9$s \\
                      --username you@example.com \\
                      --user-attributes Name=email,Value=new@example.com Name=email_verified,Value=true
                      # the sync function gets the CloudTrail event and the profile follows; then get-item again
                  aws lambda invoke --endpoint-url %5$s --function-name ReconcileFunction /dev/stdout
                      # the scheduled reconcile, now: its summary line

                JavaScript (AWS SDK v3, Node.js 20+)
                  import { CognitoIdentityProviderClient, SignUpCommand, ConfirmSignUpCommand }
                    from "@aws-sdk/client-cognito-identity-provider";
                  import { DynamoDBClient, ScanCommand } from "@aws-sdk/client-dynamodb";
                  const local = { region: "%7$s", credentials: { accessKeyId: "local", secretAccessKey: "local" } };
                  const cognito = new CognitoIdentityProviderClient({ ...local, endpoint: "%1$s" });
                  await cognito.send(new SignUpCommand({ ClientId: "%2$s", Username: "you@example.com",
                    Password: "Correct-Horse-9", UserAttributes: [{ Name: "email", Value: "you@example.com" }] }));
                  await cognito.send(new ConfirmSignUpCommand({ ClientId: "%2$s", Username: "you@example.com",
                    ConfirmationCode: "%6$s" }));
                  const dynamodb = new DynamoDBClient({ ...local, endpoint: "%3$s" });
                  console.log((await dynamodb.send(new ScanCommand({ TableName: "%4$s" }))).Items);
                """.formatted(
                        stack.cognitoEndpoint(),
                        stack.clientId(),
                        stack.dynamoDbEndpoint(),
                        LocalStack.TABLE_NAME,
                        stack.lambdaEndpoint(),
                        stack.code(),
                        LocalStack.REGION,
                        stack.functionName(),
                        stack.userPoolId());
    }
}
