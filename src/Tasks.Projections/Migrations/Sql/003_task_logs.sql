-- Log lines functions write while a task runs. Not events: they are many, carry no state, and are read per task
-- within a time window. Not rebuilt from the log either, so a rebuild never touches this table.
CREATE TABLE task_logs (
    task_id   uuid        NOT NULL,
    seq       bigint      GENERATED ALWAYS AS IDENTITY,
    logged_at timestamptz NOT NULL,
    message   text        NOT NULL,
    PRIMARY KEY (task_id, logged_at, seq)
);
