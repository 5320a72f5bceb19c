-- Who this database is: an id made once, copied into every backup of it, so a backup is
-- offered for restore only to the database it was taken from (two databases in one folder
-- never trade backups). schema_digest: the digest of the schema last checked sound (see
-- store/schema_check.py), so an unchanged schema is not compared again at every open.
CREATE TABLE database_identity (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    database_id   TEXT NOT NULL,
    schema_digest TEXT NOT NULL DEFAULT ''
);
INSERT INTO database_identity (id, database_id) VALUES (1, lower(hex(randomblob(16))));
