-- What each slot's tables hold: a fingerprint of the rows, so a publish leaves an unchanged table (the monthly
-- bills on most days, the catalogue, everything on a rerun of the day) as it is.
CREATE TABLE published_table (
  slot VARCHAR(1) NOT NULL,
  name VARCHAR(40) NOT NULL,
  fingerprint VARCHAR(64) NOT NULL,
  row_count BIGINT NOT NULL,
  CONSTRAINT pk_published_table PRIMARY KEY (slot, name)
);
