-- Task events per hour and type: an asynchronous read model for throughput dashboards, so nobody counts the log on a timer.
CREATE TABLE task_activity (
    hour        timestamptz NOT NULL,
    event_type  text        NOT NULL,
    events      bigint      NOT NULL,
    PRIMARY KEY (hour, event_type)
);
