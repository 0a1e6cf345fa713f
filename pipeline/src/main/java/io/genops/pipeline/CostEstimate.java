package io.genops.pipeline;

import io.genops.core.money.Money;
import java.math.BigDecimal;

/**
 * What an operation costs, computed synchronously on the caller's thread.
 *
 * @param operation      {@code interaction}, {@code signal} or {@code alert}
 * @param model          the model's tokens; zero for signals and alerts, and for unknown models
 * @param platformBase   the monitoring platform's fee before the volume discount
 * @param volumeDiscount the fraction taken off the platform fee, such as {@code 0.05}
 * @param platform       the platform fee after the discount
 * @param total          model plus platform, or the caller's override
 * @param modelPriced    false when the model had no price (its tokens then count as zero)
 */
public record CostEstimate(String operation, Money model, Money platformBase, BigDecimal volumeDiscount,
    Money platform, Money total, boolean modelPriced) {
}
