-- A submission's forum or ARR id (OpenReview forum, softconf / ARR submission number).
ALTER TABLE submissions ADD COLUMN forum_id TEXT NOT NULL DEFAULT '';
