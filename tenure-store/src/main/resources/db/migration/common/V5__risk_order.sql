-- The risk list of a province or city read band by band in probability order without sorting a million rows
-- (the county's list has its own index).
CREATE INDEX ix_risk_a_3 ON risk_a (band, probability);
CREATE INDEX ix_risk_b_3 ON risk_b (band, probability);
