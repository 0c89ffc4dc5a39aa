package io.itsmhub.connectors.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TicketReferenceTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(nullValues = "null", delimiter = '|', value = {
            "Re: [INC-000123] Database down | INC-000123",
            "AW: REQ-000045 new laptop | REQ-000045",
            "[CHG-000001] 数据库连接失败 | CHG-000001",
            "Fwd: Re: PRB-000009: root cause | PRB-000009",
            "Re: [INC-000123] duplicate of [INC-000777] | INC-000123",
            "Database down | null",
            "Re: [inc-000123] lower case | null",
            "Re: [INC-00012] five digits | null",
            "Re: [INC-0001234] seven digits | null",
            "Re: XINC-000123 glued on | null",
            "Re: [TSK-000123] other kind | null",
            "null | null"})
    void findsTheFirstTicketNumber(String subject, String expected) {
        assertThat(TicketReference.find(subject)).isEqualTo(java.util.Optional.ofNullable(expected));
    }
}
