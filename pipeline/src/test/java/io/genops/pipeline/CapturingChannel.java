package io.genops.pipeline;

import io.genops.core.alert.AlertChannel;
import io.genops.core.alert.FiredAlert;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An alert channel that keeps what it is given, and can be told to fail. */
final class CapturingChannel implements AlertChannel {
    private final String name;
    private final List<FiredAlert> alerts = new CopyOnWriteArrayList<>();
    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    private volatile boolean failing;

    CapturingChannel(final String name) {
        this.name = name;
    }

    void failing(final boolean fail) {
        this.failing = fail;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void deliver(final List<FiredAlert> batch) throws Exception {
        if (failing) {
            throw new java.io.IOException("channel " + name + " is down");
        }
        batchSizes.add(batch.size());
        alerts.addAll(batch);
    }

    List<FiredAlert> alerts() {
        return new ArrayList<>(alerts);
    }

    List<Integer> batchSizes() {
        return new ArrayList<>(batchSizes);
    }
}
