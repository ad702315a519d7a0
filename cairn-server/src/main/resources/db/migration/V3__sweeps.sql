-- Sweeps (package dev.cairn.server.sweep) and the link from a run to the sweep that created it.
-- config is the sweep file decoded to JSON; state is running, paused, finished, stopped or canceled;
-- retries is how many times a grid point whose run crashed is handed out again.
CREATE TABLE sweeps (
    id ${id},
    project_id BIGINT NOT NULL REFERENCES projects (id),
    sweep_id TEXT NOT NULL,
    name TEXT,
    state TEXT NOT NULL,
    method TEXT NOT NULL,
    config TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    retries INTEGER NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (project_id, sweep_id)
);
CREATE INDEX sweeps_by_project_created ON sweeps (project_id, created_at, id);

-- A sweep run's sweep id and the parameters the controller gave it (JSON, as the search returned them): the
-- search rebuilds its history from these, and they win over a script's config on resume. A grid point's
-- re-issues are counted from its crashed runs, so they need no column of their own.
ALTER TABLE runs ADD COLUMN sweep_id TEXT;
ALTER TABLE runs ADD COLUMN sweep_params TEXT;
CREATE INDEX runs_by_sweep ON runs (project_id, sweep_id);
