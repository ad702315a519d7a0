-- Metric history, system metrics, console output and run files: owned by the metrics package.
CREATE TABLE metric_series (
    id ${id},
    run_id BIGINT NOT NULL,
    namespace TEXT NOT NULL,
    metric_key TEXT NOT NULL,
    UNIQUE (run_id, namespace, metric_key)
);
