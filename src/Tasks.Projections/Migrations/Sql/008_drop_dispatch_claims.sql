-- Claims and starts now commit together, the claimed rows locked until then and gone with the starts: nothing marks a
-- claim any more (see 005).
DROP INDEX IF EXISTS dispatch_queue_claimed;
ALTER TABLE dispatch_queue DROP COLUMN IF EXISTS claimed_until;
