package io.genops.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlTextTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://u:secret@collector:4318      | true",
        "http://u:secret@host_name:4318/v1   | true",
        "u:secret@collector:4318             | true",
        "http://u:a b@collector              | true",
        "http://collector:4318/v1/p@th       | false",
        "https://hooks.example.com/T0?to=a@b | false",
        "https://hooks.example.com#a@b       | false",
        "http://collector:4318               | false"})
    void carriesUserInfo_onlyForAnAtBeforeThePath(final String text, final boolean carries) {
        assertThat(UrlText.carriesUserInfo(text)).as(text).isEqualTo(carries);
    }
}
