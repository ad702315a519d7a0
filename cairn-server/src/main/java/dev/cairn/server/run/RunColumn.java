package dev.cairn.server.run;

/** The columns of {@code runs} that requests change, so an update names columns only from this list. */
enum RunColumn {
    NAME("name"), NOTES("notes"), TAGS("tags"), GROUP("group_name"), JOB_TYPE("job_type"), STATE("state"),
    EXIT_CODE("exit_code"), CONFIG("config"), METADATA("metadata"), UPDATED_AT("updated_at"),
    HEARTBEAT_AT("heartbeat_at"), FINISHED_AT("finished_at"), DELETED_AT("deleted_at");

    private final String column;

    RunColumn(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }
}
