package io.itsmhub.core.request.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsmhub.core.request.catalog.FormField.Type;
import io.itsmhub.core.common.InvalidInputException.FieldError;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormValidatorTest {

    private final List<FormField> schema = List.of(
            new FormField("cpu", "vCPUs", Type.NUMBER, true, BigDecimal.ONE, BigDecimal.valueOf(32), null),
            new FormField("name", "Name", Type.TEXT, false, BigDecimal.valueOf(3), BigDecimal.valueOf(8), null),
            new FormField("backup", "Backup", Type.BOOLEAN, false, null, null, null),
            new FormField("os", "OS", Type.CHOICE, true, null, null, List.of("debian-12", "rocky-9")),
            new FormField("software", "Software", Type.MULTI_CHOICE, false, null, BigDecimal.valueOf(2),
                    List.of("nginx", "redis", "postgresql")));

    @Test
    void validValuesPass() {
        assertThat(FormValidator.validate(schema, Map.of("cpu", 4, "os", "debian-12", "name", "web01",
                "backup", true, "software", List.of("nginx", "redis")))).isEmpty();
    }

    @Test
    void eachWrongValueIsReportedOnItsField() {
        assertThat(FormValidator.validate(schema, Map.of("cpu", 64, "os", "windows", "name", "ab", "backup", "yes",
                "software", List.of("nginx", "redis", "postgresql"), "ram", 4)))
                .containsExactlyInAnyOrder(
                        new FieldError("values.ram", "unknown field"),
                        new FieldError("values.cpu", "must be at most 32"),
                        new FieldError("values.name", "must be at least 3 characters"),
                        new FieldError("values.backup", "must be true or false"),
                        new FieldError("values.os", "must be one of [debian-12, rocky-9]"),
                        new FieldError("values.software", "must be at most 2 choices"));
    }

    @Test
    void requiredFieldsMustBePresentAndNotBlank() {
        assertThat(FormValidator.validate(schema, Map.of("os", " ")))
                .containsExactly(new FieldError("values.cpu", "is required"), new FieldError("values.os", "is required"));
        assertThat(FormValidator.validate(schema, Map.of("cpu", "4", "os", "rocky-9")))
                .containsExactly(new FieldError("values.cpu", "must be a number"));
    }
}
