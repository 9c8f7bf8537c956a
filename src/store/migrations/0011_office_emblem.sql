-- The national emblem the office chose for certificates printed on plain paper: one PNG picture,
-- kept in the database so that a backup carries it and a moved file does not lose it.
CREATE TABLE office_emblem (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    png      BLOB NOT NULL,
    sha256   TEXT NOT NULL,
    set_at   TEXT NOT NULL
);
