package dev.userprofile.adapters.dynamodb.priming;

import dev.userprofile.adapters.dynamodb.DynamoDbCallBudget;
import dev.userprofile.adapters.dynamodb.DynamoDbClients;
import dev.userprofile.adapters.dynamodb.DynamoDbUserRepository;
import dev.userprofile.adapters.dynamodb.UserItemSchema;
import dev.userprofile.adapters.shared.priming.Priming;
import dev.userprofile.domain.IdentityProvider;
import dev.userprofile.domain.LanguageTag;
import dev.userprofile.domain.Name;
import dev.userprofile.domain.User;
import dev.userprofile.domain.UserId;
import dev.userprofile.domain.UserProfile;
import dev.userprofile.domain.VerifiableEmail;
import dev.userprofile.domain.VerifiablePhone;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The DynamoDB adapter's SnapStart priming: requests against the real table that cannot write, and a repository whose
 * requests never leave the process, for the inbound adapters' rehearsals.
 */
public final class DynamoDbPriming {

    /** A key no Cognito sub can have (subs are UUIDs): what the real requests read. */
    static final UserId PROBE = new UserId("warm-up-probe-not-a-user");

    /** The profile a rehearsal repository finds under every key, with every optional part set. */
    static final User SAMPLE = User.register(
            PROBE,
            UserProfile.builder()
                    .email(VerifiableEmail.of("probe@example.invalid", true))
                    .phone(VerifiablePhone.of("+15550100000", false))
                    .givenName(new Name("Probe"))
                    .familyName(new Name("Probe"))
                    .displayName(new Name("Probe"))
                    .locale(new LanguageTag("en-GB"))
                    .identityProvider(new IdentityProvider("Probe"))
                    .build(),
            Instant.EPOCH);

    /** True of no item at all, so a PutItem carrying it can never write. */
    private static final Expression NEVER = Expression.builder()
            .expression("attribute_exists(#key) AND attribute_not_exists(#key)")
            .putExpressionName("#key", UserItemSchema.PARTITION_KEY)
            .build();

    private DynamoDbPriming() {}

    /**
     * A repository on a client built as the function builds its own but whose requests never leave the process
     * ({@link RehearsalHttpClient}): every read finds the sample profile under the key asked for, every write
     * succeeds, nothing is stored. For the rehearsals, to run the success paths of a whole invocation (a stored
     * profile read, a registration or change accepted) that requests against the real table must not take.
     */
    public static DynamoDbUserRepository rehearsalRepository(
            String region, String tableName, DynamoDbCallBudget budget) {
        RehearsalHttpClient httpClient = new RehearsalHttpClient(UserItemSchema.TABLE_SCHEMA.itemToMap(SAMPLE, true));
        return new DynamoDbUserRepository(
                DynamoDbClients.enhanced(DynamoDbClients.builder(
                                region,
                                Optional.empty(),
                                httpClient,
                                StaticCredentialsProvider.create(AwsBasicCredentials.create("rehearsal", "rehearsal")),
                                budget)
                        .build()),
                tableName);
    }

    /**
     * The code paths of a registration against the real table, without writing: the mapping to an item and back, a
     * consistent and an eventually consistent GetItem of a key that never exists (signing, HTTP, response parsing),
     * and a PutItem of the sample whose condition no item can meet, so DynamoDB always refuses it (the marshalling
     * and the conditional-check path a repeated registration takes). Whatever is stored under the probe key
     * (nothing, normally) is read through the key-only view and dropped.
     *
     * @param client the enhanced client the function's repository uses, so its connections and budget are primed
     */
    public static Priming requests(String name, DynamoDbEnhancedClient client, String tableName) {
        DynamoDbTable<User> table = client.table(tableName, UserItemSchema.TABLE_SCHEMA);
        DynamoDbTable<UserItemSchema.StoredKey> keys = client.table(tableName, UserItemSchema.KEY_SCHEMA);
        Key probe = Key.builder().partitionValue(PROBE.value()).build();
        return Priming.repeated(name, Priming.REQUEST_ROUNDS, () -> {
            UserItemSchema.TABLE_SCHEMA.mapToItem(UserItemSchema.TABLE_SCHEMA.itemToMap(SAMPLE, false));
            try {
                keys.getItem(GetItemEnhancedRequest.builder()
                        .key(probe)
                        .consistentRead(true)
                        .build());
                keys.getItem(GetItemEnhancedRequest.builder()
                        .key(probe)
                        .consistentRead(false)
                        .build());
                table.putItem(PutItemEnhancedRequest.builder(User.class)
                        .item(SAMPLE)
                        .conditionExpression(NEVER)
                        .build());
                throw new IllegalStateException("DynamoDB accepted a condition no item can meet on " + tableName);
            } catch (ConditionalCheckFailedException expected) {
                // The refusal is the point: the full PutItem path ran and nothing was written.
            } catch (SdkException e) {
                throw DynamoDbUserRepository.unavailable(tableName, "warm-up", e);
            }
        });
    }
}
