package dev.userprofile.benchmarks.naive;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The baseline the cold-start benchmark compares against: one class as samples write it. Default SDK client (default
 * HTTP client, credentials and region chains), a bean table schema built by reflection, everything built on the
 * first call, an unconditional put. Kept only to be measured.
 */
public class NaiveHandler
        implements RequestHandler<CognitoUserPoolPostConfirmationEvent, CognitoUserPoolPostConfirmationEvent> {

    private DynamoDbTable<Profile> table;

    @Override
    public CognitoUserPoolPostConfirmationEvent handleRequest(
            CognitoUserPoolPostConfirmationEvent event, Context context) {
        if (table == null) {
            DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder()
                    .dynamoDbClient(DynamoDbClient.create())
                    .build();
            table = enhanced.table(System.getenv("TABLE_NAME"), TableSchema.fromBean(Profile.class));
        }
        Map<String, String> attributes = event.getRequest().getUserAttributes();
        Profile profile = new Profile();
        profile.setUserId(attributes.get("sub"));
        profile.setEmail(attributes.get("email"));
        profile.setEmailVerified(Boolean.parseBoolean(attributes.get("email_verified")));
        profile.setGivenName(attributes.get("given_name"));
        profile.setFamilyName(attributes.get("family_name"));
        profile.setRegisteredAt(Instant.now().toString());
        table.putItem(profile);
        return event;
    }

    /** The item, as a mutable bean. */
    @DynamoDbBean
    public static class Profile {
        private String userId;
        private String email;
        private Boolean emailVerified;
        private String givenName;
        private String familyName;
        private String registeredAt;

        @DynamoDbPartitionKey
        public String getUserId() {
            return userId;
        }

        public void setUserId(String userId) {
            this.userId = userId;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public Boolean getEmailVerified() {
            return emailVerified;
        }

        public void setEmailVerified(Boolean emailVerified) {
            this.emailVerified = emailVerified;
        }

        public String getGivenName() {
            return givenName;
        }

        public void setGivenName(String givenName) {
            this.givenName = givenName;
        }

        public String getFamilyName() {
            return familyName;
        }

        public void setFamilyName(String familyName) {
            this.familyName = familyName;
        }

        public String getRegisteredAt() {
            return registeredAt;
        }

        public void setRegisteredAt(String registeredAt) {
            this.registeredAt = registeredAt;
        }
    }
}
