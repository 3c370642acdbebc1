package dev.userprofile.adapters.dynamodb;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * The table schema of {@link UserItem}, written out by hand: no bean introspection or generated lambdas at cold
 * start, unlike {@code TableSchema.fromBean}.
 */
public final class UserItemSchema {

    /** The table's only key. template.yaml must declare the same (a test checks). */
    public static final String PARTITION_KEY = "userId";
    /** The count of writes that made the item, the condition of every change (absent on items from before it). */
    public static final String VERSION = "version";

    public static final TableSchema<UserItem> TABLE_SCHEMA =
            StaticImmutableTableSchema.builder(UserItem.class, UserItem.Builder.class)
                    .newItemBuilder(UserItem::builder, UserItem.Builder::build)
                    .addAttribute(String.class, a -> a.name(PARTITION_KEY)
                            .getter(UserItem::userId).setter(UserItem.Builder::userId)
                            .tags(primaryPartitionKey()))
                    .addAttribute(String.class, a -> a.name("email")
                            .getter(UserItem::email).setter(UserItem.Builder::email))
                    .addAttribute(Boolean.class, a -> a.name("emailVerified")
                            .getter(UserItem::emailVerified).setter(UserItem.Builder::emailVerified))
                    .addAttribute(String.class, a -> a.name("phoneNumber")
                            .getter(UserItem::phoneNumber).setter(UserItem.Builder::phoneNumber))
                    .addAttribute(Boolean.class, a -> a.name("phoneNumberVerified")
                            .getter(UserItem::phoneNumberVerified).setter(UserItem.Builder::phoneNumberVerified))
                    .addAttribute(String.class, a -> a.name("givenName")
                            .getter(UserItem::givenName).setter(UserItem.Builder::givenName))
                    .addAttribute(String.class, a -> a.name("familyName")
                            .getter(UserItem::familyName).setter(UserItem.Builder::familyName))
                    .addAttribute(String.class, a -> a.name("displayName")
                            .getter(UserItem::displayName).setter(UserItem.Builder::displayName))
                    .addAttribute(String.class, a -> a.name("locale")
                            .getter(UserItem::locale).setter(UserItem.Builder::locale))
                    .addAttribute(String.class, a -> a.name("identityProvider")
                            .getter(UserItem::identityProvider).setter(UserItem.Builder::identityProvider))
                    .addAttribute(String.class, a -> a.name("registeredAt")
                            .getter(UserItem::registeredAt).setter(UserItem.Builder::registeredAt))
                    .addAttribute(String.class, a -> a.name("updatedAt")
                            .getter(UserItem::updatedAt).setter(UserItem.Builder::updatedAt))
                    .addAttribute(Long.class, a -> a.name(VERSION)
                            .getter(UserItem::version).setter(UserItem.Builder::version))
                    .addAttribute(Integer.class, a -> a.name("schemaVersion")
                            .getter(UserItem::schemaVersion).setter(UserItem.Builder::schemaVersion))
                    .build();

    private UserItemSchema() {
    }
}
