-- The risk list of a whole province (or one band of it) read in probability order without sorting a million rows.
CREATE INDEX ix_risk_a_3 ON risk_a (probability);
CREATE INDEX ix_risk_b_3 ON risk_b (probability);
CREATE INDEX ix_risk_a_4 ON risk_a (band, probability);
CREATE INDEX ix_risk_b_4 ON risk_b (band, probability);
