-- What each slot's tables hold: a fingerprint of the rows, so a publish whose table is unchanged (the monthly
-- bills on most days, the catalogue) copies it inside the database from the live slot instead of loading it again.
CREATE TABLE published_table (
  slot VARCHAR(1) NOT NULL,
  name VARCHAR(40) NOT NULL,
  fingerprint VARCHAR(64) NOT NULL,
  row_count BIGINT NOT NULL,
  CONSTRAINT pk_published_table PRIMARY KEY (slot, name)
);
