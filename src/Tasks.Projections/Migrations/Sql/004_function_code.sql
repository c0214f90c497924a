-- Function code packages, addressed by their SHA-256: events name the hash, this table holds the bytes. Content
-- addressing makes an upload idempotent and lets functions share identical packages.
CREATE TABLE function_code (
    sha256      text        PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes  bigint      NOT NULL,
    content     bytea       NOT NULL,
    uploaded_at timestamptz NOT NULL DEFAULT now()
);
