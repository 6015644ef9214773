package org.ldportal.approval;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Requests waiting for approval, as a gauge read when metrics are scraped (across
 * instances: it is the database's).
 */
@Component
class ApprovalMetrics implements MeterBinder {

    private final JdbcClient jdbc;

    ApprovalMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge
            .builder("ldportal.approvals.pending", jdbc,
                    client -> client.sql("SELECT COUNT(*) FROM approval_request WHERE status = 'PENDING'")
                        .query(Long.class)
                        .single())
            .description("Requests waiting for a second person's approval")
            .register(registry);
    }

}
