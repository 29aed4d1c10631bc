-- Published tables: the latest published as-of date, in two slots (a, b). A publish fills the slot
-- the server is not reading, then points the views at it in one short transaction, so pages never
-- wait for a load and never see half of one.
-- customer_month: one index on the subscriber (a subscriber has a handful of months; the feed keys them)

CREATE TABLE plan_a (
  plan_id VARCHAR(64) NOT NULL, name VARCHAR(200) NOT NULL, monthly_fee NUMERIC(12,2) NOT NULL,
  voice_min BIGINT NOT NULL, data_mb BIGINT NOT NULL, sms BIGINT NOT NULL, voice_rate NUMERIC(12,2) NOT NULL,
  data_rate_per_gb NUMERIC(12,2) NOT NULL, sms_rate NUMERIC(12,2) NOT NULL, network VARCHAR(4), published BOOLEAN NOT NULL,
  CONSTRAINT pk_plan_a PRIMARY KEY (plan_id)
);
CREATE TABLE plan_b (
  plan_id VARCHAR(64) NOT NULL, name VARCHAR(200) NOT NULL, monthly_fee NUMERIC(12,2) NOT NULL,
  voice_min BIGINT NOT NULL, data_mb BIGINT NOT NULL, sms BIGINT NOT NULL, voice_rate NUMERIC(12,2) NOT NULL,
  data_rate_per_gb NUMERIC(12,2) NOT NULL, sms_rate NUMERIC(12,2) NOT NULL, network VARCHAR(4), published BOOLEAN NOT NULL,
  CONSTRAINT pk_plan_b PRIMARY KEY (plan_id)
);
CREATE VIEW plan AS SELECT * FROM plan_a;

CREATE TABLE addon_a (
  addon_id VARCHAR(64) NOT NULL, name VARCHAR(200) NOT NULL, kind VARCHAR(8) NOT NULL, monthly_fee NUMERIC(12,2) NOT NULL,
  voice_min BIGINT, data_mb BIGINT, published BOOLEAN NOT NULL,
  CONSTRAINT pk_addon_a PRIMARY KEY (addon_id)
);
CREATE TABLE addon_b (
  addon_id VARCHAR(64) NOT NULL, name VARCHAR(200) NOT NULL, kind VARCHAR(8) NOT NULL, monthly_fee NUMERIC(12,2) NOT NULL,
  voice_min BIGINT, data_mb BIGINT, published BOOLEAN NOT NULL,
  CONSTRAINT pk_addon_b PRIMARY KEY (addon_id)
);
CREATE VIEW addon AS SELECT * FROM addon_a;

CREATE TABLE customer_a (
  subscriber_id VARCHAR(64) NOT NULL, msisdn VARCHAR(11) NOT NULL, customer_id VARCHAR(64), customer_name VARCHAR(100),
  gender VARCHAR(1), birth_date DATE, city VARCHAR(50) NOT NULL, county VARCHAR(50) NOT NULL, activation_date DATE NOT NULL,
  plan_id VARCHAR(64) NOT NULL, addon_ids VARCHAR(500), status VARCHAR(12) NOT NULL, real_name BOOLEAN NOT NULL,
  owner_type VARCHAR(12) NOT NULL, vip_level VARCHAR(10), contract_kind VARCHAR(12), contract_end_date DATE,
  min_spend NUMERIC(12,2), family_id VARCHAR(64), group_id VARCHAR(64), broadband_bundle BOOLEAN, handset_5g BOOLEAN,
  dual_sim BOOLEAN, marketing_consent BOOLEAN NOT NULL, dnd BOOLEAN, arrears NUMERIC(12,2), last_port_in_date DATE,
  account_manager_id VARCHAR(64), mtd_through DATE, mtd_voice_min BIGINT, mtd_data_mb NUMERIC(18,3), mtd_sms BIGINT,
  CONSTRAINT pk_customer_a PRIMARY KEY (subscriber_id)
);
CREATE INDEX ix_customer_a_1 ON customer_a (msisdn);
CREATE INDEX ix_customer_a_2 ON customer_a (county, subscriber_id);
CREATE TABLE customer_b (
  subscriber_id VARCHAR(64) NOT NULL, msisdn VARCHAR(11) NOT NULL, customer_id VARCHAR(64), customer_name VARCHAR(100),
  gender VARCHAR(1), birth_date DATE, city VARCHAR(50) NOT NULL, county VARCHAR(50) NOT NULL, activation_date DATE NOT NULL,
  plan_id VARCHAR(64) NOT NULL, addon_ids VARCHAR(500), status VARCHAR(12) NOT NULL, real_name BOOLEAN NOT NULL,
  owner_type VARCHAR(12) NOT NULL, vip_level VARCHAR(10), contract_kind VARCHAR(12), contract_end_date DATE,
  min_spend NUMERIC(12,2), family_id VARCHAR(64), group_id VARCHAR(64), broadband_bundle BOOLEAN, handset_5g BOOLEAN,
  dual_sim BOOLEAN, marketing_consent BOOLEAN NOT NULL, dnd BOOLEAN, arrears NUMERIC(12,2), last_port_in_date DATE,
  account_manager_id VARCHAR(64), mtd_through DATE, mtd_voice_min BIGINT, mtd_data_mb NUMERIC(18,3), mtd_sms BIGINT,
  CONSTRAINT pk_customer_b PRIMARY KEY (subscriber_id)
);
CREATE INDEX ix_customer_b_1 ON customer_b (msisdn);
CREATE INDEX ix_customer_b_2 ON customer_b (county, subscriber_id);
CREATE VIEW customer AS SELECT * FROM customer_a;

CREATE TABLE customer_month_a (
  subscriber_id VARCHAR(64) NOT NULL, month VARCHAR(7) NOT NULL, plan_fee NUMERIC(12,2), addon_fee NUMERIC(12,2),
  voice_overage_fee NUMERIC(12,2), data_overage_fee NUMERIC(12,2), sms_fee NUMERIC(12,2), intl_roaming_fee NUMERIC(12,2),
  idd_fee NUMERIC(12,2), vas_fee NUMERIC(12,2), min_spend_topup NUMERIC(12,2), discount NUMERIC(12,2), total_fee NUMERIC(12,2),
  voice_min BIGINT, data_mb NUMERIC(18,3), sms BIGINT, offnet_voice_min BIGINT, intl_roaming_min BIGINT, idd_min BIGINT,
  active_days INTEGER
);
CREATE INDEX ix_customer_month_a_1 ON customer_month_a (subscriber_id);
CREATE TABLE customer_month_b (
  subscriber_id VARCHAR(64) NOT NULL, month VARCHAR(7) NOT NULL, plan_fee NUMERIC(12,2), addon_fee NUMERIC(12,2),
  voice_overage_fee NUMERIC(12,2), data_overage_fee NUMERIC(12,2), sms_fee NUMERIC(12,2), intl_roaming_fee NUMERIC(12,2),
  idd_fee NUMERIC(12,2), vas_fee NUMERIC(12,2), min_spend_topup NUMERIC(12,2), discount NUMERIC(12,2), total_fee NUMERIC(12,2),
  voice_min BIGINT, data_mb NUMERIC(18,3), sms BIGINT, offnet_voice_min BIGINT, intl_roaming_min BIGINT, idd_min BIGINT,
  active_days INTEGER
);
CREATE INDEX ix_customer_month_b_1 ON customer_month_b (subscriber_id);
CREATE VIEW customer_month AS SELECT * FROM customer_month_a;

CREATE TABLE vas_subscription_a (
  subscriber_id VARCHAR(64) NOT NULL, service_id VARCHAR(64) NOT NULL, name VARCHAR(200),
  monthly_fee NUMERIC(12,2), subscribed_on DATE, last_used_on DATE, uses_30d BIGINT
);
CREATE INDEX ix_vas_subscription_a_1 ON vas_subscription_a (subscriber_id);
CREATE TABLE vas_subscription_b (
  subscriber_id VARCHAR(64) NOT NULL, service_id VARCHAR(64) NOT NULL, name VARCHAR(200),
  monthly_fee NUMERIC(12,2), subscribed_on DATE, last_used_on DATE, uses_30d BIGINT
);
CREATE INDEX ix_vas_subscription_b_1 ON vas_subscription_b (subscriber_id);
CREATE VIEW vas_subscription AS SELECT * FROM vas_subscription_a;

CREATE TABLE complaint_a (
  complaint_id VARCHAR(64) NOT NULL, subscriber_id VARCHAR(64) NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  channel VARCHAR(12), category VARCHAR(200), text VARCHAR(4000), closed_at TIMESTAMP WITH TIME ZONE, resolved BOOLEAN
);
CREATE INDEX ix_complaint_a_1 ON complaint_a (subscriber_id);
CREATE TABLE complaint_b (
  complaint_id VARCHAR(64) NOT NULL, subscriber_id VARCHAR(64) NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  channel VARCHAR(12), category VARCHAR(200), text VARCHAR(4000), closed_at TIMESTAMP WITH TIME ZONE, resolved BOOLEAN
);
CREATE INDEX ix_complaint_b_1 ON complaint_b (subscriber_id);
CREATE VIEW complaint AS SELECT * FROM complaint_a;

CREATE TABLE survey_a (
  survey_id VARCHAR(64) NOT NULL, subscriber_id VARCHAR(64) NOT NULL, survey_date DATE NOT NULL, overall INTEGER NOT NULL,
  network INTEGER, tariff INTEGER, service INTEGER, billing INTEGER
);
CREATE INDEX ix_survey_a_1 ON survey_a (subscriber_id);
CREATE TABLE survey_b (
  survey_id VARCHAR(64) NOT NULL, subscriber_id VARCHAR(64) NOT NULL, survey_date DATE NOT NULL, overall INTEGER NOT NULL,
  network INTEGER, tariff INTEGER, service INTEGER, billing INTEGER
);
CREATE INDEX ix_survey_b_1 ON survey_b (subscriber_id);
CREATE VIEW survey AS SELECT * FROM survey_a;

CREATE TABLE port_event_a (
  event_id VARCHAR(64) NOT NULL, subscriber_id VARCHAR(64), msisdn VARCHAR(11) NOT NULL,
  event_time TIMESTAMP WITH TIME ZONE NOT NULL, type VARCHAR(12) NOT NULL, counterpart VARCHAR(8), channel VARCHAR(8),
  reason VARCHAR(1000)
);
CREATE INDEX ix_port_event_a_1 ON port_event_a (subscriber_id);
CREATE TABLE port_event_b (
  event_id VARCHAR(64) NOT NULL, subscriber_id VARCHAR(64), msisdn VARCHAR(11) NOT NULL,
  event_time TIMESTAMP WITH TIME ZONE NOT NULL, type VARCHAR(12) NOT NULL, counterpart VARCHAR(8), channel VARCHAR(8),
  reason VARCHAR(1000)
);
CREATE INDEX ix_port_event_b_1 ON port_event_b (subscriber_id);
CREATE VIEW port_event AS SELECT * FROM port_event_a;

CREATE TABLE contact_a (
  subscriber_id VARCHAR(64) NOT NULL, contact_time TIMESTAMP WITH TIME ZONE NOT NULL, channel VARCHAR(10) NOT NULL,
  purpose VARCHAR(10), campaign_id VARCHAR(64), action_id VARCHAR(64), outcome VARCHAR(12)
);
CREATE INDEX ix_contact_a_1 ON contact_a (subscriber_id);
CREATE TABLE contact_b (
  subscriber_id VARCHAR(64) NOT NULL, contact_time TIMESTAMP WITH TIME ZONE NOT NULL, channel VARCHAR(10) NOT NULL,
  purpose VARCHAR(10), campaign_id VARCHAR(64), action_id VARCHAR(64), outcome VARCHAR(12)
);
CREATE INDEX ix_contact_b_1 ON contact_b (subscriber_id);
CREATE VIEW contact AS SELECT * FROM contact_a;

CREATE TABLE four_high_a (
  subscriber_id VARCHAR(64) NOT NULL, city VARCHAR(50) NOT NULL, county VARCHAR(50) NOT NULL, tag VARCHAR(16) NOT NULL,
  level VARCHAR(12), movement VARCHAR(10) NOT NULL, month VARCHAR(7) NOT NULL, vip_level VARCHAR(10), plan_id VARCHAR(64),
  plan_name VARCHAR(200), total_fee NUMERIC(12,2), tariff_fee NUMERIC(12,2), data_overage_fee NUMERIC(12,2),
  domestic NUMERIC(12,2), best_fit_cost NUMERIC(12,2), best_fit_plan_name VARCHAR(200), best_fit_saving NUMERIC(12,2),
  min_spend_topup NUMERIC(12,2), vas_fee NUMERIC(12,2), idle_vas_count INTEGER, account_manager_id VARCHAR(64),
  care_action VARCHAR(20), channel VARCHAR(20), contact_allowed VARCHAR(1), offer_kind VARCHAR(24), offer VARCHAR(500),
  saving_avg NUMERIC(12,2), revenue_change NUMERIC(12,2), reason VARCHAR(1000), sms VARCHAR(1000), call_needs VARCHAR(1000),
  call_offer VARCHAR(1000), risk_probability DOUBLE PRECISION, risk_band VARCHAR(8),
  CONSTRAINT pk_four_high_a PRIMARY KEY (subscriber_id, tag)
);
CREATE INDEX ix_four_high_a_1 ON four_high_a (county, tag, movement);
CREATE INDEX ix_four_high_a_2 ON four_high_a (city, tag, movement);
CREATE TABLE four_high_b (
  subscriber_id VARCHAR(64) NOT NULL, city VARCHAR(50) NOT NULL, county VARCHAR(50) NOT NULL, tag VARCHAR(16) NOT NULL,
  level VARCHAR(12), movement VARCHAR(10) NOT NULL, month VARCHAR(7) NOT NULL, vip_level VARCHAR(10), plan_id VARCHAR(64),
  plan_name VARCHAR(200), total_fee NUMERIC(12,2), tariff_fee NUMERIC(12,2), data_overage_fee NUMERIC(12,2),
  domestic NUMERIC(12,2), best_fit_cost NUMERIC(12,2), best_fit_plan_name VARCHAR(200), best_fit_saving NUMERIC(12,2),
  min_spend_topup NUMERIC(12,2), vas_fee NUMERIC(12,2), idle_vas_count INTEGER, account_manager_id VARCHAR(64),
  care_action VARCHAR(20), channel VARCHAR(20), contact_allowed VARCHAR(1), offer_kind VARCHAR(24), offer VARCHAR(500),
  saving_avg NUMERIC(12,2), revenue_change NUMERIC(12,2), reason VARCHAR(1000), sms VARCHAR(1000), call_needs VARCHAR(1000),
  call_offer VARCHAR(1000), risk_probability DOUBLE PRECISION, risk_band VARCHAR(8),
  CONSTRAINT pk_four_high_b PRIMARY KEY (subscriber_id, tag)
);
CREATE INDEX ix_four_high_b_1 ON four_high_b (county, tag, movement);
CREATE INDEX ix_four_high_b_2 ON four_high_b (city, tag, movement);
CREATE VIEW four_high AS SELECT * FROM four_high_a;

CREATE TABLE early_warning_a (
  subscriber_id VARCHAR(64) NOT NULL, city VARCHAR(50) NOT NULL, county VARCHAR(50) NOT NULL, tag VARCHAR(16) NOT NULL,
  tracked_through DATE, projected_fee NUMERIC(12,2), care_action VARCHAR(20), channel VARCHAR(20), contact_allowed VARCHAR(1),
  sms VARCHAR(1000), call_needs VARCHAR(1000), call_offer VARCHAR(1000),
  CONSTRAINT pk_early_warning_a PRIMARY KEY (subscriber_id, tag)
);
CREATE INDEX ix_early_warning_a_1 ON early_warning_a (county);
CREATE TABLE early_warning_b (
  subscriber_id VARCHAR(64) NOT NULL, city VARCHAR(50) NOT NULL, county VARCHAR(50) NOT NULL, tag VARCHAR(16) NOT NULL,
  tracked_through DATE, projected_fee NUMERIC(12,2), care_action VARCHAR(20), channel VARCHAR(20), contact_allowed VARCHAR(1),
  sms VARCHAR(1000), call_needs VARCHAR(1000), call_offer VARCHAR(1000),
  CONSTRAINT pk_early_warning_b PRIMARY KEY (subscriber_id, tag)
);
CREATE INDEX ix_early_warning_b_1 ON early_warning_b (county);
CREATE VIEW early_warning AS SELECT * FROM early_warning_a;

CREATE TABLE risk_a (
  subscriber_id VARCHAR(64) NOT NULL, city VARCHAR(50) NOT NULL, county VARCHAR(50) NOT NULL, vip_level VARCHAR(10),
  probability DOUBLE PRECISION NOT NULL, band VARCHAR(8) NOT NULL, reasons VARCHAR(1000),
  CONSTRAINT pk_risk_a PRIMARY KEY (subscriber_id)
);
CREATE INDEX ix_risk_a_1 ON risk_a (county, band, probability);
CREATE TABLE risk_b (
  subscriber_id VARCHAR(64) NOT NULL, city VARCHAR(50) NOT NULL, county VARCHAR(50) NOT NULL, vip_level VARCHAR(10),
  probability DOUBLE PRECISION NOT NULL, band VARCHAR(8) NOT NULL, reasons VARCHAR(1000),
  CONSTRAINT pk_risk_b PRIMARY KEY (subscriber_id)
);
CREATE INDEX ix_risk_b_1 ON risk_b (county, band, probability);
CREATE VIEW risk AS SELECT * FROM risk_a;
