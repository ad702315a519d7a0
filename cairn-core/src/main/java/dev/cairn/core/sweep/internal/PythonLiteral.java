package dev.cairn.core.sweep.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Formats values the way Python's {@code str()} does, because W&amp;B's agent builds
 * {@code --lr=0.0001} with it and training scripts parse what they are used to: {@code True},
 * {@code None}, {@code 1e-05}, {@code 3.0}, {@code ['a', 'b']}.
 *
 * <pre>{@code
 * PythonLiteral.str(1e-5);    // "1e-05"
 * PythonLiteral.str(true);    // "True"
 * }</pre>
 */
public final class PythonLiteral {

    private PythonLiteral() {
    }

    /** Python's {@code str(value)}: strings bare, everything else as {@link #repr}. */
    public static String str(Object value) {
        return value instanceof String s ? s : repr(value);
    }

    /** Python's {@code repr(value)}: strings quoted, as they appear inside lists and dicts. */
    public static String repr(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            return pythonFloat(((Number) value).doubleValue());
        }
        if (value instanceof String s) {
            return quote(s);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PythonLiteral::repr).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .map(e -> repr(String.valueOf(e.getKey())) + ": " + repr(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return String.valueOf(value);
    }

    /** Single quotes unless the text has one and no double quote, as Python chooses. */
    private static String quote(String s) {
        String escaped = s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t");
        if (s.contains("'") && !s.contains("\"")) {
            return "\"" + escaped + "\"";
        }
        return "'" + escaped.replace("'", "\\'") + "'";
    }

    /** Shortest round-trip digits, scientific below 1e-4 and from 1e16, as Python's float repr. */
    static String pythonFloat(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        String sign = d < 0 ? "-" : "";
        BigDecimal decimal = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = decimal.unscaledValue().toString();
        int exponent = digits.length() - 1 - decimal.scale();
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        String plain = decimal.toPlainString();
        return sign + (plain.contains(".") ? plain : plain + ".0");
    }
}
