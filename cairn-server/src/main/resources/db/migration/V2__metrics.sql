-- Metric history, system metrics, console output and run files: owned by the metrics package.
-- Times are epoch microseconds (metric points, console) or milliseconds (files). Doubles that may be NaN or
-- infinite are stored as their raw IEEE-754 bits in BIGINT columns (*_bits): SQLite turns a NaN REAL into NULL.

-- One row per run + namespace ("history" or "system") + key, with running aggregates over all its points.
CREATE TABLE metric_series (
    id ${id},
    run_id BIGINT NOT NULL,
    namespace TEXT NOT NULL,
    metric_key TEXT NOT NULL,
    point_count BIGINT NOT NULL DEFAULT 0,
    finite_count BIGINT NOT NULL DEFAULT 0,
    sum_bits BIGINT NOT NULL DEFAULT 0,
    min_value ${double},
    max_value ${double},
    min_step BIGINT,
    max_step BIGINT,
    min_time BIGINT,
    max_time BIGINT,
    first_step BIGINT,
    first_time BIGINT,
    first_bits BIGINT,
    last_step BIGINT,
    last_time BIGINT,
    last_bits BIGINT,
    -- the last value logged when it was not a number (a string, an object such as media), else NULL
    last_json TEXT,
    UNIQUE (run_id, namespace, metric_key)
);

-- Points of a series in arrival order, up to 1024 per chunk (dev.cairn.server.metrics.store.ChunkCodec).
-- The summary columns let a reader skip decoding; the blob is the last column so scans of them do not read it.
CREATE TABLE metric_chunks (
    series_id BIGINT NOT NULL,
    chunk_no BIGINT NOT NULL,
    point_count INTEGER NOT NULL,
    finite_count INTEGER NOT NULL,
    min_step BIGINT NOT NULL,
    max_step BIGINT NOT NULL,
    min_time BIGINT NOT NULL,
    max_time BIGINT NOT NULL,
    last_step BIGINT NOT NULL,
    last_bits BIGINT NOT NULL,
    sum_bits BIGINT NOT NULL,
    min_value ${double},
    max_value ${double},
    data ${blob} NOT NULL,
    PRIMARY KEY (series_id, chunk_no)
);
CREATE INDEX metric_chunks_by_step ON metric_chunks (series_id, min_step, max_step);

-- Pre-aggregated blocks of a series ("cells"): level k holds one cell per 64 * 4^k consecutive points, packed
-- 32 cells to a page (dev.cairn.server.metrics.store.Rollups). Only complete cells are stored.
CREATE TABLE metric_rollups (
    series_id BIGINT NOT NULL,
    level INTEGER NOT NULL,
    page_no BIGINT NOT NULL,
    cell_count INTEGER NOT NULL,
    min_step BIGINT NOT NULL,
    max_step BIGINT NOT NULL,
    min_time BIGINT NOT NULL,
    max_time BIGINT NOT NULL,
    cells ${blob} NOT NULL,
    PRIMARY KEY (series_id, level, page_no)
);

CREATE TABLE console_lines (
    run_id BIGINT NOT NULL,
    line BIGINT NOT NULL,
    stream TEXT NOT NULL,
    time_us BIGINT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (run_id, line)
);

-- Small files attached to a run (<= 10 MiB), kept in the database so that several servers sharing one
-- PostgreSQL see the same files without a shared disk.
CREATE TABLE run_files (
    run_id BIGINT NOT NULL,
    path TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    data ${blob} NOT NULL,
    PRIMARY KEY (run_id, path)
);
