-- What the Lambda deployment follower did with each function registered or updated with code, keyed by the function's
-- stream (a name's case may change when it is registered again). It is the service's record of the Lambda functions it
-- deployed itself (only those are deleted with their function) and where failed deployments are seen.
CREATE TABLE function_deployments (
    stream_id            uuid        PRIMARY KEY,
    function_name        text        NOT NULL,
    code_sha256          text,
    configuration_sha256 text,
    state                text        NOT NULL CHECK (state IN ('deployed', 'failed', 'deleted')),
    error                text,
    attempted_at         timestamptz NOT NULL,
    deployed_at          timestamptz
);

CREATE INDEX function_deployments_failed ON function_deployments (function_name) WHERE state = 'failed';
