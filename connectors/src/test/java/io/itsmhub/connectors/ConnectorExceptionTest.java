package io.itsmhub.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectorExceptionTest {

    @ParameterizedTest(name = "HTTP {0} retryable: {1}")
    @CsvSource({"400, false", "401, false", "404, false", "408, true", "409, false", "422, false", "429, true",
            "500, true", "502, true", "503, true"})
    void httpStatusesAreClassifiedForRetry(int status, boolean retryable) {
        assertThat(ConnectorException.isRetryableStatus(status)).isEqualTo(retryable);
    }
}
