package io.genops.core;

import java.util.Objects;

/**
 * Who pays for an event: team, project, environment, customer, cost center and feature.
 *
 * <p>Attribution is layered. The client sets defaults; a session, a conversation and a single event
 * may each override any field, and an unset field ({@code null}) falls through to the layer below,
 * see {@link #over(Attribution)}. Every set field must be non-blank.
 */
public final class Attribution {
    public static final Attribution EMPTY = new Builder().build();

    private final String team;
    private final String project;
    private final String environment;
    private final String customerId;
    private final String costCenter;
    private final String feature;

    private Attribution(final Builder builder) {
        this.team = builder.team;
        this.project = builder.project;
        this.environment = builder.environment;
        this.customerId = builder.customerId;
        this.costCenter = builder.costCenter;
        this.feature = builder.feature;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Attribution team(final String team) {
        return builder().team(team).build();
    }

    /** This attribution's set fields, with {@code base}'s fields wherever this one has none. */
    public Attribution over(final Attribution base) {
        Objects.requireNonNull(base, "base");
        if (this == EMPTY) {
            return base;
        }
        final Builder merged = new Builder();
        merged.team = team != null ? team : base.team;
        merged.project = project != null ? project : base.project;
        merged.environment = environment != null ? environment : base.environment;
        merged.customerId = customerId != null ? customerId : base.customerId;
        merged.costCenter = costCenter != null ? costCenter : base.costCenter;
        merged.feature = feature != null ? feature : base.feature;
        return new Attribution(merged);
    }

    public Builder toBuilder() {
        final Builder copy = new Builder();
        copy.team = team;
        copy.project = project;
        copy.environment = environment;
        copy.customerId = customerId;
        copy.costCenter = costCenter;
        copy.feature = feature;
        return copy;
    }

    /** The team, or {@code null} when unset. */
    public String team() {
        return team;
    }

    public String project() {
        return project;
    }

    public String environment() {
        return environment;
    }

    public String customerId() {
        return customerId;
    }

    public String costCenter() {
        return costCenter;
    }

    public String feature() {
        return feature;
    }

    @Override
    public boolean equals(final Object o) {
        if (!(o instanceof Attribution)) {
            return false;
        }
        final Attribution other = (Attribution)o;
        return Objects.equals(team, other.team) && Objects.equals(project, other.project)
            && Objects.equals(environment, other.environment) && Objects.equals(customerId, other.customerId)
            && Objects.equals(costCenter, other.costCenter) && Objects.equals(feature, other.feature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(team, project, environment, customerId, costCenter, feature);
    }

    @Override
    public String toString() {
        return "Attribution{team=" + team + ", project=" + project + ", environment=" + environment
            + ", customerId=" + customerId + ", costCenter=" + costCenter + ", feature=" + feature + '}';
    }

    /** Builds an {@link Attribution}; each setter refuses a blank value and names the field. */
    public static final class Builder {
        private String team;
        private String project;
        private String environment;
        private String customerId;
        private String costCenter;
        private String feature;

        private Builder() {
        }

        public Builder team(final String team) {
            this.team = Checks.nonBlank(team, "team");
            return this;
        }

        public Builder project(final String project) {
            this.project = Checks.nonBlank(project, "project");
            return this;
        }

        public Builder environment(final String environment) {
            this.environment = Checks.nonBlank(environment, "environment");
            return this;
        }

        public Builder customerId(final String customerId) {
            this.customerId = Checks.nonBlank(customerId, "customerId");
            return this;
        }

        public Builder costCenter(final String costCenter) {
            this.costCenter = Checks.nonBlank(costCenter, "costCenter");
            return this;
        }

        public Builder feature(final String feature) {
            this.feature = Checks.nonBlank(feature, "feature");
            return this;
        }

        public Attribution build() {
            return new Attribution(this);
        }
    }
}
