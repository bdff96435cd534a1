package org.clearance.web.openapi;

/** Names of the component schemas that annotations refer to by name. */
public final class ApiSchemas {

    /** One order, as docs/schema/order.schema.json defines it. */
    public static final String ORDER = "Order";
    /** A JSON array of orders. */
    public static final String ORDER_BATCH = "OrderBatch";
    /** An RFC 9457 problem as ProblemMapper writes it. */
    public static final String PROBLEM = "Problem";

    private ApiSchemas() {
    }
}
