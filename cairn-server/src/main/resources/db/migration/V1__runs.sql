-- Projects and runs. Times are epoch milliseconds. JSON documents are stored as TEXT.
-- runs.summary is the merged view (computed metric summaries + user_summary), kept by metrics.Summaries.
CREATE TABLE projects (
    id ${id},
    entity TEXT NOT NULL,
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (entity, name)
);

CREATE TABLE runs (
    id ${id},
    project_id BIGINT NOT NULL REFERENCES projects (id),
    run_id TEXT NOT NULL,
    name TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '[]',
    group_name TEXT,
    job_type TEXT,
    state TEXT NOT NULL,
    exit_code INTEGER,
    config TEXT NOT NULL DEFAULT '{}',
    summary TEXT NOT NULL DEFAULT '{}',
    user_summary TEXT NOT NULL DEFAULT '{}',
    metric_defs TEXT NOT NULL DEFAULT '{}',
    metadata TEXT NOT NULL DEFAULT '{}',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    heartbeat_at BIGINT NOT NULL,
    finished_at BIGINT,
    deleted_at BIGINT,
    last_seq BIGINT NOT NULL DEFAULT 0,
    next_step BIGINT NOT NULL DEFAULT 0,
    UNIQUE (project_id, run_id)
);
CREATE INDEX runs_by_state_heartbeat ON runs (state, heartbeat_at);
-- Listing pages walk these in order (ties by id), so the first page of a sorted list reads ~limit rows;
-- runs_live also lets a count of a project's live runs read the index alone.
CREATE INDEX runs_live ON runs (project_id, deleted_at, id);
CREATE INDEX runs_by_project_created ON runs (project_id, created_at, id);
CREATE INDEX runs_by_project_name ON runs (project_id, name, id);

-- A run's tags, one row each (runs.tags keeps their order for reading), so tag filters are index lookups.
CREATE TABLE run_tags (
    run_id BIGINT NOT NULL,
    tag TEXT NOT NULL,
    PRIMARY KEY (run_id, tag)
);

-- Flattened config.* and summary.* values of each run, so that filters and sorts on any key use an index.
-- Filters probe (run_id, field); a list sorted by a field walks (project_id, field, num, run_id) in order.
CREATE TABLE run_fields (
    run_id BIGINT NOT NULL,
    project_id BIGINT NOT NULL,
    field TEXT NOT NULL,
    num ${double},
    txt TEXT,
    PRIMARY KEY (run_id, field)
);
CREATE INDEX run_fields_by_value ON run_fields (project_id, field, num, run_id);
