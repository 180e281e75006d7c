package org.herald.contacts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The read-only system values of a contact, kept by Herald from its events: the lead
 * {@code score} and its {@code stage} (labels and thresholds configured in
 * {@code org.herald.scoring}; null where not computed), and the e-commerce figures from purchase
 * events, ORDER_NUMBER ({@link #orderNumber()}), ORDER_SUMMARY ({@link #orderSummary()}) and
 * ORDER_AVG ({@link #orderAverage()} = SUMMARY / NUMBER).
 */
public record ContactMetrics(long score, String stage, long orderNumber, BigDecimal orderSummary) {

    public static final ContactMetrics NONE = new ContactMetrics(0, null, 0, BigDecimal.ZERO);

    public ContactMetrics {
        orderSummary = orderSummary == null ? BigDecimal.ZERO : orderSummary;
    }

    /** ORDER_AVG: the summary divided by the number of orders (two decimals), zero without orders. */
    public BigDecimal orderAverage() {
        if (orderNumber == 0) {
            return BigDecimal.ZERO;
        }
        return orderSummary.divide(BigDecimal.valueOf(orderNumber), 2, RoundingMode.HALF_UP);
    }

    public ContactMetrics withStage(String value) {
        return Objects.equals(value, stage) ? this : new ContactMetrics(score, value, orderNumber, orderSummary);
    }
}
