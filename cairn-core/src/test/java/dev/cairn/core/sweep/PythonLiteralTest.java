package dev.cairn.core.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.sweep.internal.PythonLiteral;
import org.junit.jupiter.api.Test;

class PythonLiteralTest {

    @Test
    void floats_print_as_python_prints_them() {
        assertThat(PythonLiteral.str(0.0001)).isEqualTo("0.0001");
        assertThat(PythonLiteral.str(0.00001)).isEqualTo("1e-05");
        assertThat(PythonLiteral.str(1.5e-7)).isEqualTo("1.5e-07");
        assertThat(PythonLiteral.str(100.0)).isEqualTo("100.0");
        assertThat(PythonLiteral.str(123.456)).isEqualTo("123.456");
        assertThat(PythonLiteral.str(1e16)).isEqualTo("1e+16");
        assertThat(PythonLiteral.str(1234567890123456.0)).isEqualTo("1234567890123456.0");
        assertThat(PythonLiteral.str(-2.5)).isEqualTo("-2.5");
        assertThat(PythonLiteral.str(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(PythonLiteral.str(Double.NaN)).isEqualTo("nan");
    }

    @Test
    void strings_are_bare_at_the_top_and_quoted_inside_containers() {
        assertThat(PythonLiteral.str("it's")).isEqualTo("it's");
        assertThat(PythonLiteral.str(java.util.List.of("it's", "a", 1L))).isEqualTo("[\"it's\", 'a', 1]");
        assertThat(PythonLiteral.str(java.util.List.of("say \"it's\""))).isEqualTo("['say \"it\\'s\"']");
    }
}
