-- The event log: the source of truth. One row per event.
-- tx_id is the writing transaction's 64-bit id; readers order by (tx_id, seq) and read only
-- below the oldest running transaction (pg_snapshot_xmin), so no reader can ever pass an
-- event that commits later (see docs/architecture.md, "A log without gaps").
CREATE TABLE events (
    tx_id                 xid8        NOT NULL DEFAULT pg_current_xact_id(),
    seq                   bigint      GENERATED ALWAYS AS IDENTITY,
    event_id              uuid        NOT NULL,
    stream_id             uuid        NOT NULL,
    stream_type           text        NOT NULL,
    version               integer     NOT NULL CHECK (version > 0),
    type                  text        NOT NULL,
    schema_version        smallint    NOT NULL,
    data                  jsonb       NOT NULL,
    recorded_at           timestamptz NOT NULL DEFAULT now(),
    correlation_id        uuid,
    causation_id          uuid,
    actor_user_id         text,
    actor_application_id  text,
    PRIMARY KEY (tx_id, seq),
    -- Optimistic concurrency: two writers cannot both append version N of a stream.
    CONSTRAINT events_stream_version UNIQUE (stream_id, version)
);

-- Where each log subscriber has got to; written in the same transaction as its effects.
CREATE TABLE log_checkpoints (
    name        text        PRIMARY KEY,
    tx_id       xid8        NOT NULL,
    seq         bigint      NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Ids of handled incoming messages: a redelivered message is recognised and not handled twice.
CREATE TABLE inbox (
    message_id   text        PRIMARY KEY,
    source       text        NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now()
);

-- Messages that are not events (commands to other services), stored with the work that caused them.
-- Lifecycle events need no row here: the log itself is their outbox.
CREATE TABLE outbox (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id    uuid        NOT NULL UNIQUE,
    destination   text        NOT NULL,
    message_type  text        NOT NULL,
    body          jsonb       NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    sent_at       timestamptz
);
CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL;

-- Leases for work only one process may do at a time (the projection daemon's leader, maintenance).
CREATE TABLE leases (
    name        text        PRIMARY KEY,
    holder      text        NOT NULL,
    expires_at  timestamptz NOT NULL
);

-- Appends with an exact expected version must find the stream at exactly that version.
-- Raised inside the append's own round trip so the whole unit of work aborts at once.
CREATE FUNCTION events_expect_versions(stream_ids uuid[], versions integer[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    behind uuid;
BEGIN
    SELECT x.stream_id INTO behind
    FROM unnest(stream_ids, versions) AS x(stream_id, version)
    WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.stream_id = x.stream_id AND e.version = x.version)
    LIMIT 1;
    IF behind IS NOT NULL THEN
        RAISE EXCEPTION 'stream % is not at its expected version', behind USING ERRCODE = 'TS409';
    END IF;
END $$;

-- Moves a subscriber's checkpoint only from where that subscriber read it: two processes running
-- the same subscription cannot both apply the same events.
CREATE FUNCTION log_checkpoint_advance(checkpoint_name text, from_tx xid8, from_seq bigint, to_tx xid8, to_seq bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE log_checkpoints SET tx_id = to_tx, seq = to_seq, updated_at = now()
    WHERE name = checkpoint_name AND tx_id = from_tx AND seq = from_seq;
    IF NOT FOUND THEN
        INSERT INTO log_checkpoints (name, tx_id, seq)
        SELECT checkpoint_name, to_tx, to_seq
        WHERE from_tx = '0'::xid8 AND from_seq = 0
        ON CONFLICT (name) DO NOTHING;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'checkpoint % moved under this subscriber', checkpoint_name USING ERRCODE = 'TS409';
        END IF;
    END IF;
END $$;
