package io.genops.exporters.otlp.internal;

import io.opentelemetry.api.common.AttributeKey;

/**
 * Every attribute name the OTLP exporter writes, in one place: the OpenTelemetry GenAI semantic
 * conventions ({@code gen_ai.*}, experimental), the general {@code error.type}, and the GenOps names
 * ({@code genops.*}) of the reference specification, plus the few this exporter adds (event sequence
 * and kind, signal and alert details, token type). The exporter's class javadoc shows which go where.
 */
public final class Keys {
    public static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("gen_ai.operation.name");
    public static final AttributeKey<String> PROVIDER_NAME = AttributeKey.stringKey("gen_ai.provider.name");
    public static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
    public static final AttributeKey<String> AGENT_ID = AttributeKey.stringKey("gen_ai.agent.id");
    public static final AttributeKey<String> AGENT_NAME = AttributeKey.stringKey("gen_ai.agent.name");
    public static final AttributeKey<String> CONVERSATION_ID = AttributeKey.stringKey("gen_ai.conversation.id");
    public static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
    public static final AttributeKey<Long> OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");
    public static final AttributeKey<Long> CACHE_READ_TOKENS =
        AttributeKey.longKey("gen_ai.usage.cache_read.input_tokens");
    public static final AttributeKey<Long> CACHE_CREATION_TOKENS =
        AttributeKey.longKey("gen_ai.usage.cache_creation.input_tokens");
    public static final AttributeKey<Long> REASONING_TOKENS =
        AttributeKey.longKey("gen_ai.usage.reasoning.output_tokens");
    public static final AttributeKey<String> TOKEN_TYPE = AttributeKey.stringKey("gen_ai.token.type");
    public static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    public static final AttributeKey<String> AGENT_GROUP = AttributeKey.stringKey("genops.agent_group");
    public static final AttributeKey<String> TEAM = AttributeKey.stringKey("genops.team");
    public static final AttributeKey<String> PROJECT = AttributeKey.stringKey("genops.project");
    public static final AttributeKey<String> ENVIRONMENT = AttributeKey.stringKey("genops.environment");
    public static final AttributeKey<String> CUSTOMER_ID = AttributeKey.stringKey("genops.customer_id");
    public static final AttributeKey<String> COST_CENTER = AttributeKey.stringKey("genops.cost_center");
    public static final AttributeKey<String> FEATURE = AttributeKey.stringKey("genops.feature");
    public static final AttributeKey<String> SESSION_ID = AttributeKey.stringKey("genops.session_id");
    public static final AttributeKey<String> SESSION_NAME = AttributeKey.stringKey("genops.session.name");
    public static final AttributeKey<Long> SESSION_OPERATIONS = AttributeKey.longKey("genops.session.operations");
    public static final AttributeKey<Double> SESSION_COST_TOTAL = AttributeKey.doubleKey("genops.session.cost.total");
    public static final AttributeKey<Long> SESSION_COST_TOTAL_NANOS =
        AttributeKey.longKey("genops.session.cost.total_nanos");
    public static final AttributeKey<Boolean> SESSION_TOTALS_PARTIAL =
        AttributeKey.booleanKey("genops.session.totals_partial");
    public static final AttributeKey<Double> COST_TOTAL = AttributeKey.doubleKey("genops.cost.total");
    public static final AttributeKey<Long> COST_TOTAL_NANOS = AttributeKey.longKey("genops.cost.total_nanos");
    public static final AttributeKey<String> COST_CURRENCY = AttributeKey.stringKey("genops.cost.currency");
    public static final AttributeKey<String> COST_MODEL = AttributeKey.stringKey("genops.cost.model");
    public static final AttributeKey<Boolean> COST_OVERRIDDEN = AttributeKey.booleanKey("genops.cost.overridden");
    public static final AttributeKey<Boolean> COST_UNPRICED = AttributeKey.booleanKey("genops.cost.unpriced");
    public static final AttributeKey<Long> TOKENS_INPUT = AttributeKey.longKey("genops.tokens.input");
    public static final AttributeKey<Long> TOKENS_OUTPUT = AttributeKey.longKey("genops.tokens.output");
    public static final AttributeKey<Long> TOKENS_TOTAL = AttributeKey.longKey("genops.tokens.total");
    public static final AttributeKey<String> POLICY_RESULT = AttributeKey.stringKey("genops.policy.result");
    public static final AttributeKey<String> POLICY_REASON = AttributeKey.stringKey("genops.policy.reason");
    public static final AttributeKey<String> BUDGET_NAME = AttributeKey.stringKey("genops.budget.name");
    public static final AttributeKey<Double> BUDGET_ALLOCATED = AttributeKey.doubleKey("genops.budget.allocated");
    public static final AttributeKey<Double> BUDGET_CONSUMED = AttributeKey.doubleKey("genops.budget.consumed");
    public static final AttributeKey<Double> BUDGET_REMAINING = AttributeKey.doubleKey("genops.budget.remaining");
    public static final AttributeKey<Double> BUDGET_UTILIZATION_PERCENT =
        AttributeKey.doubleKey("genops.budget.utilization_percent");

    public static final AttributeKey<String> EVENT_KIND = AttributeKey.stringKey("genops.event.kind");
    public static final AttributeKey<Long> EVENT_SEQUENCE = AttributeKey.longKey("genops.event.sequence");
    public static final AttributeKey<Boolean> STAGE_FAILED = AttributeKey.booleanKey("genops.event.stage_failed");
    public static final AttributeKey<String> COMPLEXITY = AttributeKey.stringKey("genops.complexity");
    public static final AttributeKey<String> SIGNAL_NAME = AttributeKey.stringKey("genops.signal.name");
    public static final AttributeKey<Double> SIGNAL_VALUE = AttributeKey.doubleKey("genops.signal.value");
    public static final AttributeKey<Double> SIGNAL_THRESHOLD = AttributeKey.doubleKey("genops.signal.threshold");
    public static final AttributeKey<String> SIGNAL_FREQUENCY = AttributeKey.stringKey("genops.signal.frequency");
    public static final AttributeKey<String> ALERT_NAME = AttributeKey.stringKey("genops.alert.name");
    public static final AttributeKey<Long> ALERT_CHANNEL_COUNT = AttributeKey.longKey("genops.alert.channel_count");
    public static final AttributeKey<Boolean> ALERT_FIRED = AttributeKey.booleanKey("genops.alert.fired");
    public static final AttributeKey<Double> ALERT_VALUE = AttributeKey.doubleKey("genops.alert.value");
    public static final AttributeKey<Double> ALERT_THRESHOLD = AttributeKey.doubleKey("genops.alert.threshold");
    public static final AttributeKey<String> GENOPS_TOKEN_TYPE = AttributeKey.stringKey("genops.token.type");
    /** The OpenTelemetry SDK's mark of the series that gathers what a metric's cardinality limit turned away. */
    public static final AttributeKey<Boolean> METRIC_OVERFLOW = AttributeKey.booleanKey("otel.metric.overflow");

    /** The value of {@link #OPERATION_NAME} for an interaction. */
    public static final String INVOKE_AGENT = "invoke_agent";
    /** The value of {@link #COST_CURRENCY}: costs are kept in USD. */
    public static final String USD = "USD";

    private Keys() {
    }
}
