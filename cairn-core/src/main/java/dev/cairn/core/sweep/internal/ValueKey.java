package dev.cairn.core.sweep.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A canonical form of a parameter value for equality: numbers compare by value, so a grid
 * point {@code 3} matches a trial that reports {@code 3.0} or {@code 3L} (JSON, YAML and SDKs
 * disagree on number types); lists and maps compare element-wise.
 *
 * <pre>{@code
 * ValueKey.of(3).equals(ValueKey.of(3.0));   // true
 * }</pre>
 */
public final class ValueKey {

    private static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private ValueKey() {
    }

    public static Object of(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof Number n) {
            return number(n);
        }
        if (value instanceof List<?> list) {
            List<Object> keys = new ArrayList<>(list.size());
            list.forEach(v -> keys.add(of(v)));
            return keys;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> keys = new HashMap<>();
            map.forEach((k, v) -> keys.put(String.valueOf(k), of(v)));
            return keys;
        }
        return value;
    }

    private static Object number(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return n.longValue();
        }
        if (n instanceof BigInteger big) {
            return big.bitLength() < 63 ? (Object) big.longValue() : big;
        }
        double d = n instanceof BigDecimal big ? big.doubleValue() : n.doubleValue();
        if (d == Math.rint(d) && Math.abs(d) < 0x1p53) {
            return (long) d;
        }
        return d == 0 ? 0.0 : d;
    }
}
