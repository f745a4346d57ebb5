package io.chorus.common.persistence;

/**
 * An enum spelled in lowercase on the wire and in the database ({@code pending_review} for {@code PENDING_REVIEW}).
 */
public final class WireEnum {

    private WireEnum() {
    }

    public static String id(Enum<?> value) {
        return value.name().toLowerCase();
    }

    public static <E extends Enum<E>> E parse(E[] values, String id) {
        for (E value : values) {
            if (id(value).equals(id)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown value " + id);
    }
}
