-- The claim counts live claims, and the dispatcher sleeps until the earliest start: both must not scan a long queue.
CREATE INDEX dispatch_queue_claimed ON dispatch_queue (claimed_until) WHERE claimed_until IS NOT NULL;
CREATE INDEX dispatch_queue_start ON dispatch_queue (start_at);
