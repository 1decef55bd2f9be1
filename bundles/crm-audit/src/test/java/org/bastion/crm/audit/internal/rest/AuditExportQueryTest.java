package org.bastion.crm.audit.internal.rest;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.bastion.crm.api.ValidationException;
import org.junit.jupiter.api.Test;

class AuditExportQueryTest {

    @Test
    void fromAndToOnceEachWithValuesPass() {
        assertThatCode(() -> AuditExportResource.requireStrictQuery(Map.of("from", List.of("1"), "to", List.of("9"))))
                .doesNotThrowAnyException();
        assertThatCode(() -> AuditExportResource.requireStrictQuery(Map.of())).doesNotThrowAnyException();
    }

    @Test
    void aRepeatedAnEmptyOrAnUnknownParameterIsRefusedByName() {
        assertThatThrownBy(() -> AuditExportResource.requireStrictQuery(Map.of("from", List.of("1", "2"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("from");
        assertThatThrownBy(() -> AuditExportResource.requireStrictQuery(Map.of("to", List.of(""))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("to");
        assertThatThrownBy(() -> AuditExportResource.requireStrictQuery(Map.of("from", Arrays.asList((String) null))))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> AuditExportResource.requireStrictQuery(Map.of("size", List.of("5"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("size");
    }
}
