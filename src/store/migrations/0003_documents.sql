-- Documents: the award decision's number, signing day and signer, once the secretary records
-- them, and the offsets of each certificate field on this office's pre-printed stock.

CREATE TABLE decisions (
    campaign_id     INTEGER PRIMARY KEY REFERENCES campaigns(id),
    number          INTEGER NOT NULL CHECK (number > 0),
    signed_on       TEXT NOT NULL,
    signer_name     TEXT,
    signer_title    TEXT,
    signer_behalf   TEXT,
    recorded_at     TEXT NOT NULL
);

-- Offsets in tenths of a millimetre (integers: what is printed is never a float), right and down.
CREATE TABLE certificate_offsets (
    field  TEXT PRIMARY KEY,
    dx     INTEGER NOT NULL,
    dy     INTEGER NOT NULL
);
