package io.tenure.generator;

import java.util.List;

/** The feeds of the data contract, with their column names and the SQL types used for Parquet. */
enum Feed {
    PLANS("plans", false,
            "plan_id:VARCHAR", "name:VARCHAR", "monthly_fee:DECIMAL(10,2)", "voice_min:INTEGER", "data_mb:INTEGER",
            "sms:INTEGER", "voice_rate:DECIMAL(10,2)", "data_rate_per_gb:DECIMAL(10,2)", "sms_rate:DECIMAL(10,2)",
            "network:VARCHAR", "published:VARCHAR"),
    ADDONS("addons", false,
            "addon_id:VARCHAR", "name:VARCHAR", "kind:VARCHAR", "monthly_fee:DECIMAL(10,2)", "voice_min:INTEGER",
            "data_mb:INTEGER", "published:VARCHAR"),
    SUBSCRIBERS("subscribers", true,
            "subscriber_id:VARCHAR", "msisdn:VARCHAR", "customer_id:VARCHAR", "customer_name:VARCHAR", "id_number:VARCHAR",
            "gender:VARCHAR", "birth_date:DATE", "city:VARCHAR", "county:VARCHAR", "activation_date:DATE",
            "plan_id:VARCHAR", "addon_ids:VARCHAR", "status:VARCHAR", "real_name:VARCHAR", "owner_type:VARCHAR",
            "vip_level:VARCHAR", "contract_kind:VARCHAR", "contract_end_date:DATE", "min_spend:DECIMAL(10,2)",
            "family_id:VARCHAR", "group_id:VARCHAR", "broadband_bundle:VARCHAR", "handset_5g:VARCHAR", "dual_sim:VARCHAR",
            "marketing_consent:VARCHAR", "dnd:VARCHAR", "arrears:DECIMAL(12,2)", "last_port_in_date:DATE",
            "account_manager_id:VARCHAR"),
    BILLS("bills", true,
            "subscriber_id:VARCHAR", "month:VARCHAR", "plan_fee:DECIMAL(12,2)", "addon_fee:DECIMAL(12,2)",
            "voice_overage_fee:DECIMAL(12,2)", "data_overage_fee:DECIMAL(12,2)", "sms_fee:DECIMAL(12,2)",
            "intl_roaming_fee:DECIMAL(12,2)", "idd_fee:DECIMAL(12,2)", "vas_fee:DECIMAL(12,2)",
            "min_spend_topup:DECIMAL(12,2)", "discount:DECIMAL(12,2)", "total_fee:DECIMAL(12,2)"),
    USAGE("usage", true,
            "subscriber_id:VARCHAR", "month:VARCHAR", "voice_min:INTEGER", "data_mb:DECIMAL(15,3)", "sms:INTEGER",
            "offnet_voice_min:INTEGER", "intl_roaming_min:INTEGER", "idd_min:INTEGER", "active_days:INTEGER",
            "rival_hotline_calls:INTEGER", "own_hotline_calls:INTEGER"),
    USAGE_DAILY("usage_daily", true,
            "subscriber_id:VARCHAR", "date:DATE", "voice_min:INTEGER", "data_mb:DECIMAL(15,3)", "sms:INTEGER"),
    VAS("vas", true,
            "subscriber_id:VARCHAR", "service_id:VARCHAR", "name:VARCHAR", "monthly_fee:DECIMAL(10,2)",
            "subscribed_on:DATE", "last_used_on:DATE", "uses_30d:INTEGER"),
    COMPLAINTS("complaints", true,
            "complaint_id:VARCHAR", "subscriber_id:VARCHAR", "created_at:TIMESTAMP", "channel:VARCHAR",
            "category:VARCHAR", "text:VARCHAR", "closed_at:TIMESTAMP", "resolved:VARCHAR"),
    SURVEYS("surveys", true,
            "survey_id:VARCHAR", "subscriber_id:VARCHAR", "survey_date:DATE", "overall:INTEGER", "network:INTEGER",
            "tariff:INTEGER", "service:INTEGER", "billing:INTEGER"),
    MNP_EVENTS("mnp_events", true,
            "event_id:VARCHAR", "msisdn:VARCHAR", "event_time:TIMESTAMP", "type:VARCHAR", "counterpart:VARCHAR",
            "channel:VARCHAR", "reason:VARCHAR"),
    CONTACTS("contacts", true,
            "subscriber_id:VARCHAR", "contact_time:TIMESTAMP", "channel:VARCHAR", "purpose:VARCHAR",
            "campaign_id:VARCHAR", "action_id:VARCHAR", "outcome:VARCHAR");

    /** A column and its Parquet (DuckDB SQL) type. */
    record Column(String name, String sqlType) {
    }

    private final String fileName;
    private final boolean big;
    private final List<Column> columns;

    Feed(String fileName, boolean big, String... columns) {
        this.fileName = fileName;
        this.big = big;
        this.columns = java.util.Arrays.stream(columns)
                .map(c -> new Column(c.substring(0, c.indexOf(':')), c.substring(c.indexOf(':') + 1)))
                .toList();
    }

    /** Base name of the file or folder, e.g. {@code usage_daily}. */
    String fileName() {
        return fileName;
    }

    /** Big feeds are split into part files when more than one part is asked for. */
    boolean big() {
        return big;
    }

    List<Column> columns() {
        return columns;
    }

    List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }
}
