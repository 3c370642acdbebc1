package dev.userprofile.adapters.dynamodb;

import dev.userprofile.domain.User;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A new user's item as a registration writes it: the profile's own layout ({@link UserItemSchema#TABLE_SCHEMA})
 * plus the id of the attempt that wrote it. A retry that finds the item can then tell its own write, whose response
 * was lost, from another delivery's. The attempt id is not part of the profile: the first change drops it.
 */
final class RegistrationSchema implements TableSchema<RegistrationSchema.Registration> {

    /** A user to register, and the id of this registration attempt. */
    record Registration(User user, String attempt) {
        Registration {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(attempt, "attempt");
        }
    }

    static final RegistrationSchema INSTANCE = new RegistrationSchema();

    private static final EnhancedType<Registration> TYPE = EnhancedType.of(Registration.class);

    private RegistrationSchema() {}

    /** The attempt id a stored item carries, or null when the item was not written by a registration. */
    static @Nullable String attemptOf(Map<String, AttributeValue> item) {
        AttributeValue attempt = item.get(UserItemSchema.REGISTRATION_ATTEMPT);
        return attempt == null ? null : attempt.s();
    }

    @Override
    public Registration mapToItem(Map<String, AttributeValue> item) {
        return new Registration(
                UserItemSchema.TABLE_SCHEMA.mapToItem(item),
                UserItemSchema.required(attemptOf(item), UserItemSchema.REGISTRATION_ATTEMPT));
    }

    @Override
    public Registration mapToItem(Map<String, AttributeValue> item, boolean preserveEmptyObject) {
        return mapToItem(item);
    }

    @Override
    public Map<String, AttributeValue> itemToMap(Registration registration, boolean ignoreNulls) {
        Map<String, AttributeValue> item =
                new HashMap<>(UserItemSchema.TABLE_SCHEMA.itemToMap(registration.user(), ignoreNulls));
        item.put(UserItemSchema.REGISTRATION_ATTEMPT, AttributeValue.fromS(registration.attempt()));
        return item;
    }

    @Override
    public Map<String, AttributeValue> itemToMap(Registration registration, Collection<String> attributes) {
        Map<String, AttributeValue> item =
                new HashMap<>(UserItemSchema.TABLE_SCHEMA.itemToMap(registration.user(), attributes));
        if (attributes.contains(UserItemSchema.REGISTRATION_ATTEMPT)) {
            item.put(UserItemSchema.REGISTRATION_ATTEMPT, AttributeValue.fromS(registration.attempt()));
        }
        return item;
    }

    @Override
    public AttributeValue attributeValue(Registration registration, String attribute) {
        return UserItemSchema.REGISTRATION_ATTEMPT.equals(attribute)
                ? AttributeValue.fromS(registration.attempt())
                : UserItemSchema.TABLE_SCHEMA.attributeValue(registration.user(), attribute);
    }

    @Override
    public TableMetadata tableMetadata() {
        return UserItemSchema.TABLE_SCHEMA.tableMetadata();
    }

    @Override
    public EnhancedType<Registration> itemType() {
        return TYPE;
    }

    @Override
    public List<String> attributeNames() {
        List<String> names = new ArrayList<>(UserItemSchema.TABLE_SCHEMA.attributeNames());
        names.add(UserItemSchema.REGISTRATION_ATTEMPT);
        return List.copyOf(names);
    }

    @Override
    public boolean isAbstract() {
        return false;
    }
}
