-- Versioned artifacts (package dev.cairn.server.artifact). An artifact is a name in a project; each version is
-- a manifest of files whose bytes live in the content-addressed blob store, not here. A version is pending
-- (version_index NULL) until its commit has seen every blob; only then does it get its number v0, v1, ...
CREATE TABLE artifacts (
    id ${id},
    project_id BIGINT NOT NULL REFERENCES projects (id),
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    description TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (project_id, name)
);

CREATE TABLE artifact_versions (
    id ${id},
    artifact_id BIGINT NOT NULL REFERENCES artifacts (id),
    version_index INTEGER,
    digest TEXT NOT NULL,
    metadata TEXT NOT NULL,
    size BIGINT NOT NULL,
    file_count INTEGER NOT NULL,
    created_by BIGINT REFERENCES runs (id),
    created_at BIGINT NOT NULL,
    committed_at BIGINT,
    state TEXT NOT NULL,
    pending_aliases TEXT NOT NULL DEFAULT '[]',
    UNIQUE (artifact_id, version_index)
);
CREATE INDEX artifact_versions_by_digest ON artifact_versions (artifact_id, digest);
CREATE INDEX artifact_versions_by_run ON artifact_versions (created_by);

CREATE TABLE artifact_files (
    version_id BIGINT NOT NULL REFERENCES artifact_versions (id),
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size BIGINT NOT NULL,
    PRIMARY KEY (version_id, path)
);

-- An alias names one version of its artifact; `latest` is moved by the server on every commit.
CREATE TABLE artifact_aliases (
    artifact_id BIGINT NOT NULL REFERENCES artifacts (id),
    alias TEXT NOT NULL,
    version_id BIGINT NOT NULL REFERENCES artifact_versions (id),
    PRIMARY KEY (artifact_id, alias)
);

-- Lineage: which runs used which versions (the run that logged a version is artifact_versions.created_by).
CREATE TABLE artifact_usage (
    version_id BIGINT NOT NULL REFERENCES artifact_versions (id),
    run_id BIGINT NOT NULL REFERENCES runs (id),
    used_at BIGINT NOT NULL,
    PRIMARY KEY (version_id, run_id)
);
CREATE INDEX artifact_usage_by_run ON artifact_usage (run_id);
