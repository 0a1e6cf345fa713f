package io.genops.pipeline.internal;

import io.genops.core.alert.FiredAlert;

/** Where stages hand fired alerts; never blocks, and counts what it cannot take. */
interface AlertSink {
    void offer(FiredAlert alert);
}
