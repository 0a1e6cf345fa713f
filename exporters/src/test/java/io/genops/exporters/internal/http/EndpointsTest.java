package io.genops.exporters.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class EndpointsTest {
    @Test
    void redacted_keepsSchemeHostAndPortOnly() {
        assertThat(Endpoints.redacted(URI.create("https://hooks.slack.com/services/T0/B0/XYZ")))
            .isEqualTo("https://hooks.slack.com/***");
        assertThat(Endpoints.redacted(URI.create("http://127.0.0.1:8080/?token=XYZ")))
            .isEqualTo("http://127.0.0.1:8080/***");
        assertThat(Endpoints.redacted(URI.create("http://[::1]:9000/"))).isEqualTo("http://[::1]:9000/");
        assertThat(Endpoints.redacted(URI.create("https://example.com"))).isEqualTo("https://example.com/");
    }

    @Test
    void checked_acceptsEitherCaseOfTheScheme() {
        final URI upper = URI.create("HTTPS://example.com/hook");
        assertThat(Endpoints.checked(upper, "endpoint")).isSameAs(upper);
    }
}
