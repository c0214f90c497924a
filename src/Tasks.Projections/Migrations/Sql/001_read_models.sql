-- Read models built from the log. They are disposable: every row can be rebuilt from events.

-- Tasks: every field users see, plus the time each status was entered.
CREATE TABLE tasks (
    id                         uuid        PRIMARY KEY,
    version                    integer     NOT NULL,
    status                     text        NOT NULL CHECK (status IN ('new', 'inProgress', 'complete', 'retried', 'failed', 'canceled')),
    status_changed_at          timestamptz NOT NULL,
    function_name              text        NOT NULL,
    data                       jsonb       NOT NULL,
    start_at                   timestamptz NOT NULL,
    priority                   integer     NOT NULL,
    tags                       text[]      NOT NULL,
    created_at                 timestamptz NOT NULL,
    updated_at                 timestamptz NOT NULL,
    created_by_user_id         text,
    created_by_application_id  text,
    retried_by_task_id         uuid,
    retry_for_task_ids         uuid[]      NOT NULL,
    error_type                 text,
    error_name                 text,
    error_message              text,
    lease_expires_at           timestamptz,
    new_at                     timestamptz NOT NULL,
    in_progress_at             timestamptz,
    complete_at                timestamptz,
    failed_at                  timestamptz,
    retried_at                 timestamptz,
    canceled_at                timestamptz
);
-- Indexes serve the common list queries (newest first, by function, by status) and keyset paging on id.
CREATE INDEX tasks_created_at ON tasks (created_at, id);
CREATE INDEX tasks_function_name ON tasks (function_name, created_at, id);
CREATE INDEX tasks_status ON tasks (status, status_changed_at, id);
CREATE INDEX tasks_tags ON tasks USING gin (tags) WITH (fastupdate = on);

-- The dispatch queue: only runnable work, indexed for the claim order. Finished work leaves it.
CREATE TABLE dispatch_queue (
    task_id        uuid        PRIMARY KEY,
    function_name  text        NOT NULL,
    priority       integer     NOT NULL,
    start_at       timestamptz NOT NULL
);
CREATE INDEX dispatch_queue_claim ON dispatch_queue (priority DESC, start_at, task_id);

-- Functions: the registry of what tasks can run. Environment values are secrets kept for the invoker only.
CREATE TABLE functions (
    name                  text        PRIMARY KEY,
    stream_id             uuid        NOT NULL UNIQUE,
    version               integer     NOT NULL,
    description           text,
    code_sha256           text,
    code_size_bytes       bigint,
    entry_point           text        NOT NULL,
    runtime               text        NOT NULL,
    time_limit            integer     NOT NULL,
    memory_limit          integer     NOT NULL,
    environment           jsonb       NOT NULL,
    execution_permission  text        NOT NULL,
    default_priority      integer,
    retry_enabled         boolean     NOT NULL,
    retry_errors          text[]      NOT NULL,
    enabled               boolean     NOT NULL,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL
);

-- Schedules: recurring tasks.
CREATE TABLE schedules (
    id              uuid        PRIMARY KEY,
    version         integer     NOT NULL,
    function_name   text        NOT NULL,
    data            jsonb       NOT NULL,
    priority        integer,
    tags            text[]      NOT NULL,
    start_at        timestamptz NOT NULL,
    interval_seconds integer    NOT NULL,
    next_at         timestamptz NOT NULL,
    last_fired_at   timestamptz,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    created_by_user_id        text,
    created_by_application_id text
);
CREATE INDEX schedules_next_at ON schedules (next_at);
