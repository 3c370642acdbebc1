package dev.userprofile.domain;

import java.util.Objects;
import java.util.Optional;

/** What a patch does to one field: leave it as it is, remove it, or set it. */
public sealed interface FieldChange<T> {

    /** The field's value after the change, given its value before. */
    Optional<T> applyTo(Optional<T> current);

    @SuppressWarnings("unchecked")
    static <T> FieldChange<T> keep() {
        return (FieldChange<T>) Keep.INSTANCE;
    }

    @SuppressWarnings("unchecked")
    static <T> FieldChange<T> remove() {
        return (FieldChange<T>) Remove.INSTANCE;
    }

    static <T> FieldChange<T> set(T value) {
        return new Set<>(value);
    }

    /** Leaves the field as it is. */
    record Keep<T>() implements FieldChange<T> {
        private static final Keep<?> INSTANCE = new Keep<>();

        @Override
        public Optional<T> applyTo(Optional<T> current) {
            return current;
        }
    }

    /** Removes the field. */
    record Remove<T>() implements FieldChange<T> {
        private static final Remove<?> INSTANCE = new Remove<>();

        @Override
        public Optional<T> applyTo(Optional<T> current) {
            return Optional.empty();
        }
    }

    /** Sets the field to a value that has passed its rules. */
    record Set<T>(T value) implements FieldChange<T> {
        public Set {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Optional<T> applyTo(Optional<T> current) {
            return Optional.of(value);
        }
    }
}
