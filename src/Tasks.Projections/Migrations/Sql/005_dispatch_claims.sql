-- A dispatcher marks the queue rows it is about to start, so that other dispatchers skip them while it records the
-- starts. A mark that outlives its dispatcher simply expires; the stream version still guarantees one start per task.
ALTER TABLE dispatch_queue ADD COLUMN claimed_until timestamptz;
