package dev.userprofile.adapters.dynamodb;

import dev.userprofile.application.port.out.UserLookup;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads an item as whichever it is, a profile or an erased user's tombstone, with one GetItem: the item's own
 * attributes decide which of {@link UserItemSchema#TABLE_SCHEMA} and {@link UserItemSchema#ERASURE_SCHEMA} maps it.
 * Both keep their own attribute declarations; this only chooses between them.
 */
final class UserLookupSchema implements TableSchema<UserLookup> {

    static final UserLookupSchema INSTANCE = new UserLookupSchema();

    private static final EnhancedType<UserLookup> TYPE = EnhancedType.of(UserLookup.class);

    private UserLookupSchema() {}

    @Override
    public UserLookup mapToItem(Map<String, AttributeValue> item) {
        return UserItemSchema.isErasure(item)
                ? new UserLookup.Erased(UserItemSchema.ERASURE_SCHEMA.mapToItem(item))
                : new UserLookup.Found(UserItemSchema.TABLE_SCHEMA.mapToItem(item));
    }

    @Override
    public UserLookup mapToItem(Map<String, AttributeValue> item, boolean preserveEmptyObject) {
        return mapToItem(item);
    }

    @Override
    public Map<String, AttributeValue> itemToMap(UserLookup lookup, boolean ignoreNulls) {
        return switch (lookup) {
            case UserLookup.Found found -> UserItemSchema.TABLE_SCHEMA.itemToMap(found.user(), ignoreNulls);
            case UserLookup.Erased erased -> UserItemSchema.ERASURE_SCHEMA.itemToMap(erased.erasure(), ignoreNulls);
            case UserLookup.Absent absent -> throw nothingToStore();
        };
    }

    @Override
    public Map<String, AttributeValue> itemToMap(UserLookup lookup, Collection<String> attributes) {
        return switch (lookup) {
            case UserLookup.Found found -> UserItemSchema.TABLE_SCHEMA.itemToMap(found.user(), attributes);
            case UserLookup.Erased erased -> UserItemSchema.ERASURE_SCHEMA.itemToMap(erased.erasure(), attributes);
            case UserLookup.Absent absent -> throw nothingToStore();
        };
    }

    @Override
    public AttributeValue attributeValue(UserLookup lookup, String attribute) {
        return switch (lookup) {
            case UserLookup.Found found -> UserItemSchema.TABLE_SCHEMA.attributeValue(found.user(), attribute);
            case UserLookup.Erased erased -> UserItemSchema.ERASURE_SCHEMA.attributeValue(erased.erasure(), attribute);
            case UserLookup.Absent absent -> throw nothingToStore();
        };
    }

    @Override
    public TableMetadata tableMetadata() {
        return UserItemSchema.TABLE_SCHEMA.tableMetadata();
    }

    @Override
    public EnhancedType<UserLookup> itemType() {
        return TYPE;
    }

    @Override
    public List<String> attributeNames() {
        Set<String> names = new LinkedHashSet<>(UserItemSchema.TABLE_SCHEMA.attributeNames());
        names.addAll(UserItemSchema.ERASURE_SCHEMA.attributeNames());
        return List.copyOf(names);
    }

    @Override
    public boolean isAbstract() {
        return false;
    }

    private static IllegalArgumentException nothingToStore() {
        return new IllegalArgumentException("an absent user has no item");
    }
}
