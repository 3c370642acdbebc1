package dev.userprofile.adapters.cognito.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminCreateUserConfigType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LambdaConfigType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordPolicyType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UpdateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolPolicyType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;
import software.amazon.awssdk.utils.builder.SdkBuilder;

class TriggerAttachmentTest {

    /**
     * UpdateUserPool resets what it is not given, so a setting the SDK adds to the request one day must be carried
     * over too: this fails until {@code everySetting} knows about it.
     */
    @Test
    void everySettingTheUpdateAcceptsIsCarriedOver() {
        Set<String> accepted = new TreeSet<>(UpdateUserPoolRequest.builder().build().sdkFields().stream()
                .map(SdkField::memberName)
                .toList());

        assertThat(accepted)
                .isEqualTo(new TreeSet<>(Set.of(
                        "UserPoolId",
                        "PoolName",
                        "Policies",
                        "DeletionProtection",
                        "LambdaConfig",
                        "AutoVerifiedAttributes",
                        "SmsVerificationMessage",
                        "EmailVerificationMessage",
                        "EmailVerificationSubject",
                        "VerificationMessageTemplate",
                        "SmsAuthenticationMessage",
                        "UserAttributeUpdateSettings",
                        "MfaConfiguration",
                        "DeviceConfiguration",
                        "EmailConfiguration",
                        "SmsConfiguration",
                        "UserPoolTags",
                        "AdminCreateUserConfig",
                        "UserPoolAddOns",
                        "AccountRecoverySetting",
                        "UserPoolTier",
                        "KeyConfiguration",
                        "IssuerConfiguration",
                        "AcrConfiguration")));
    }

    @Test
    void theDeprecatedAccountValidityIsDroppedOnlyWhereThePasswordPolicyReplacesIt() {
        UserPoolType withPolicy = UserPoolType.builder()
                .id("p")
                .policies(UserPoolPolicyType.builder()
                        .passwordPolicy(PasswordPolicyType.builder()
                                .temporaryPasswordValidityDays(3)
                                .build())
                        .build())
                .adminCreateUserConfig(AdminCreateUserConfigType.builder()
                        .unusedAccountValidityDays(7)
                        .build())
                .build();
        UserPoolType withoutPolicy =
                withPolicy.toBuilder().policies((UserPoolPolicyType) null).build();
        LambdaConfigType triggers =
                LambdaConfigType.builder().postConfirmation("arn").build();

        assertThat(TriggerAttachment.everySetting(withPolicy, triggers)
                        .adminCreateUserConfig()
                        .unusedAccountValidityDays())
                .isNull();
        assertThat(TriggerAttachment.everySetting(withoutPolicy, triggers)
                        .adminCreateUserConfig()
                        .unusedAccountValidityDays())
                .isEqualTo(7);
        assertThat(TriggerAttachment.everySetting(withPolicy, triggers).lambdaConfig())
                .isEqualTo(triggers);
    }

    /**
     * A pool with every field Cognito can describe set to a distinct value (nested settings too, generated from the
     * SDK's own model, so that a field the SDK adds is covered without editing this test), written back field by
     * field: every setting UpdateUserPool accepts must carry the pool's own value.
     */
    @Test
    void aFullyPopulatedPoolIsWrittenBackFieldByField() {
        UserPoolType pool = (UserPoolType) populated(UserPoolType.builder(), "pool");
        LambdaConfigType triggers =
                LambdaConfigType.builder().postConfirmation("ours").build();

        UpdateUserPoolRequest update = TriggerAttachment.everySetting(pool, triggers);

        Map<String, SdkField<?>> described = new HashMap<>();
        pool.sdkFields().forEach(field -> described.put(field.memberName(), field));
        for (SdkField<?> field : update.sdkFields()) {
            Object written = field.getValueOrDefault(update);
            Object expected = switch (field.memberName()) {
                case "UserPoolId" -> pool.id();
                case "PoolName" -> pool.name();
                case "LambdaConfig" -> triggers;
                // Deprecated, and refused next to the password policy's own validity, which this pool has.
                case "AdminCreateUserConfig" ->
                    pool.adminCreateUserConfig().toBuilder()
                            .unusedAccountValidityDays(null)
                            .build();
                default -> {
                    assertThat(described)
                            .as("UpdateUserPool takes %s, which DescribeUserPool must give", field.memberName())
                            .containsKey(field.memberName());
                    yield described.get(field.memberName()).getValueOrDefault(pool);
                }
            };
            assertThat(written).as(field.memberName()).isNotNull().isEqualTo(expected);
        }
    }

    @Test
    void aChangeOtherThanTheTriggersIsNamed() {
        UserPoolType pool = (UserPoolType) populated(UserPoolType.builder(), "pool");
        UserPoolType moved = pool.toBuilder()
                .mfaConfiguration("ON")
                .emailVerificationSubject("other")
                .build();

        assertThat(TriggerAttachment.differences(
                        TriggerAttachment.everySetting(pool, pool.lambdaConfig()),
                        TriggerAttachment.everySetting(moved, pool.lambdaConfig())))
                .containsExactly("EmailVerificationSubject", "MfaConfiguration");
        assertThat(TriggerAttachment.differences(
                        TriggerAttachment.everySetting(pool, pool.lambdaConfig()),
                        TriggerAttachment.everySetting(pool, pool.lambdaConfig())))
                .isEmpty();
    }

    @Test
    void tagsAwsKeepsForItselfAreNeverWrittenBack() {
        UserPoolType pool = UserPoolType.builder()
                .id("p")
                .userPoolTags(Map.of("aws:cloudformation:stack-name", "identity", "team", "x"))
                .build();

        assertThat(TriggerAttachment.everySetting(
                                pool, LambdaConfigType.builder().build())
                        .userPoolTags())
                .isEqualTo(Map.of("team", "x"));
        assertThat(TriggerAttachment.everySetting(UserPoolType.builder().id("p").build(), null)
                        .hasUserPoolTags())
                .isFalse();
    }

    @Test
    void aFunctionIsKnownWhateverVersionOrAliasATriggerNames() {
        String function = "arn:aws:lambda:eu-west-1:111122223333:function:profiles";
        assertThat(TriggerAttachment.unqualified(function + ":live")).isEqualTo(function);
        assertThat(TriggerAttachment.unqualified(function + ":12")).isEqualTo(function);
        assertThat(TriggerAttachment.unqualified(function)).isEqualTo(function);
        assertThat(TriggerAttachment.unqualified("arn:aws:kms:eu-west-1:111122223333:key/abc"))
                .isEqualTo("arn:aws:kms:eu-west-1:111122223333:key/abc");
    }

    @Test
    void aPoolAnotherToolOwnsIsToldByItsTags() {
        UserPoolType cloudFormation = UserPoolType.builder()
                .userPoolTags(Map.of("aws:cloudformation:stack-name", "identity", "team", "x"))
                .build();
        UserPoolType terraform = UserPoolType.builder()
                .userPoolTags(Map.of("managed-by", "terraform"))
                .build();
        UserPoolType byHand =
                UserPoolType.builder().userPoolTags(Map.of("team", "x")).build();

        assertThat(TriggerAttachment.managedBy(cloudFormation))
                .contains(new TriggerAttachment.ManagedPool("CloudFormation", "stack identity"));
        assertThat(TriggerAttachment.managedBy(terraform))
                .contains(new TriggerAttachment.ManagedPool("Terraform", "tag managed-by=terraform"));
        assertThat(TriggerAttachment.managedBy(byHand)).isEmpty();
        assertThat(TriggerAttachment.managedBy(UserPoolType.builder().build())).isEmpty();
    }

    /** The builder with every field set to a value of its type that names where it is; built. */
    private static SdkPojo populated(SdkPojo builder, String path) {
        for (SdkField<?> field : builder.sdkFields()) {
            field.set(builder, sample(field, path + "." + field.memberName()));
        }
        return (SdkPojo) ((SdkBuilder<?, ?>) builder).build();
    }

    private static Object sample(SdkField<?> field, String path) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.STRING) {
            return path;
        } else if (type == MarshallingType.INTEGER) {
            return path.length();
        } else if (type == MarshallingType.LONG) {
            return (long) path.length();
        } else if (type == MarshallingType.BOOLEAN) {
            return true;
        } else if (type == MarshallingType.DOUBLE) {
            return 0.5;
        } else if (type == MarshallingType.INSTANT) {
            return Instant.ofEpochSecond(path.length());
        } else if (type == MarshallingType.SDK_POJO) {
            return populated(field.constructor().get(), path);
        } else if (type == MarshallingType.LIST) {
            return List.of(sample(field.getTrait(ListTrait.class).memberFieldInfo(), path + "[0]"));
        } else if (type == MarshallingType.MAP) {
            return Map.of(path + ".key", sample(field.getTrait(MapTrait.class).valueFieldInfo(), path + "{}"));
        }
        throw new AssertionError("no sample value for " + type + " at " + path);
    }
}
