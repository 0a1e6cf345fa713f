package io.genops.exporters.alert.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import io.genops.core.alert.FiredAlert;
import java.io.IOException;
import java.util.List;

/** Writes one request body for a batch of alerts as a single JSON value. */
@FunctionalInterface
public interface AlertPayload {
    void write(JsonGenerator json, List<FiredAlert> alerts) throws IOException;
}
