package io.itsmhub.connectors.ansible;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsmhub.connectors.ConnectorException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The vars file's text; the real round trip through Ansible is in {@link TemplateInjectionTest}. Needs no Ansible. */
class UnsafeVarsTest {

    @Test
    void tagsEveryStringAndNestedKeyAndEscapesAllButPrintableAscii() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("{{ k }}", List.of("v", 1));
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("text", "a\"b\\c\nd é 😀");
        variables.put("nested", nested);
        variables.put("flag", true);
        variables.put("nothing", null);

        assertThat(UnsafeVars.yaml(variables)).isEqualTo("""
                {
                  "text": !unsafe "a\\"b\\\\c\\u000ad \\u00e9 \\U0001f600",
                  "nested": {!unsafe "{{ k }}": [!unsafe "v", 1]},
                  "flag": true,
                  "nothing": null
                }
                """);
    }

    @Test
    void writesNumbersSoThatYaml11ReadsThemAsNumbers() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("i", 42);
        variables.put("l", -9_000_000_000L);
        variables.put("b", new BigInteger("123456789012345678901234567890"));
        variables.put("d", 1.0E10);
        variables.put("f", 0.5f);
        variables.put("m", new BigDecimal("1E+3"));

        assertThat(UnsafeVars.yaml(variables)).contains("\"i\": 42,", "\"l\": -9000000000,",
                "\"b\": 123456789012345678901234567890,", "\"d\": 10000000000.0,", "\"f\": 0.5,", "\"m\": 1000.0\n");
    }

    @Test
    void writesOtherObjectsAsTheirTextAndArraysAsLists() {
        assertThat(UnsafeVars.yaml(Map.of("e", Thread.State.NEW))).contains("\"e\": !unsafe \"NEW\"");
        assertThat(UnsafeVars.yaml(Map.of("a", new Object[] {"x", 2}))).contains("\"a\": [!unsafe \"x\", 2]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ansible_ssh_common_args", "ansible_python_interpreter", "ANSIBLE_connection",
            "ansible_become_exe", "hostvars", "omit", "environment", "item", "bad-name", "1st", "with space", "",
            "{{ x }}"})
    void refusesNamesThatAreNoIdentifiersOrAnsiblesOwn(String name) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(name, "x");

        assertThatThrownBy(() -> UnsafeVars.yaml(variables))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.system()).isEqualTo("ansible");
                })
                .hasMessageStartingWith("ansible: variable '");
    }

    @Test
    void refusesValuesThatCannotBeWrittenAndNamesTheVariableNotTheValue() {
        assertThatThrownBy(() -> UnsafeVars.yaml(Map.of("ratio", Double.NaN)))
                .hasMessage("ansible: variable 'ratio' is not a finite number");
        assertThatThrownBy(() -> UnsafeVars.yaml(Map.of("text", "broken \ud800 surrogate")))
                .hasMessage("ansible: variable 'text' is not valid text (a lone UTF-16 surrogate)");
        Map<String, Object> nullKey = new java.util.HashMap<>();
        nullKey.put(null, "v");
        assertThatThrownBy(() -> UnsafeVars.yaml(Map.of("map", nullKey)))
                .hasMessage("ansible: variable 'map' holds a map with a null key");
        Object deep = "bottom";
        for (int i = 0; i < 40; i++) {
            deep = List.of(deep);
        }
        Object tooDeep = deep;
        assertThatThrownBy(() -> UnsafeVars.yaml(Map.of("deep", tooDeep)))
                .hasMessage("ansible: variable 'deep' is nested more than 32 levels deep");
    }
}
