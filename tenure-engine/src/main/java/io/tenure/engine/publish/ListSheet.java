package io.tenure.engine.publish;

import io.tenure.report.xlsx.CellKind;

import java.util.List;

/**
 * The sheets of a county list, in workbook order, with the columns each shows (message keys of the
 * report bundle and the cursor column they read). Tag sheets lead with the figures that triggered the tag.
 */
enum ListSheet {
    HIGH_TARIFF(List.of(c("list.total_fee", "total_fee", CellKind.MONEY), c("list.tariff_fee", "tariff_fee", CellKind.MONEY),
            c("list.tariff_share", "tariff_share", CellKind.PERCENT), c("list.voice_min", "voice_min", CellKind.INTEGER))),
    HIGH_DATA(List.of(c("list.total_fee", "total_fee", CellKind.MONEY), c("list.data_overage_fee", "data_overage_fee", CellKind.MONEY),
            c("list.data_gb", "data_gb", CellKind.DECIMAL), c("list.data_use", "data_use", CellKind.PERCENT))),
    HIGH_SILENCE(List.of(c("list.total_fee", "total_fee", CellKind.MONEY), c("list.voice_use", "voice_use", CellKind.PERCENT),
            c("list.data_use", "data_use", CellKind.PERCENT), c("list.idle_vas", "idle_vas_count", CellKind.INTEGER),
            c("list.vas_fee", "vas_fee", CellKind.MONEY))),
    HIGH_ARPU(List.of(c("list.domestic", "domestic", CellKind.MONEY), c("list.best_fit_cost", "best_fit_cost", CellKind.MONEY),
            c("list.best_fit_plan", "best_fit_plan_name", CellKind.TEXT), c("list.saving", "best_fit_saving", CellKind.MONEY),
            c("list.min_spend_topup", "min_spend_topup", CellKind.MONEY), c("list.vas_fee", "vas_fee", CellKind.MONEY))),
    EXITED(List.of(c("list.tag", "tag_name", CellKind.TEXT), c("list.total_fee", "total_fee", CellKind.MONEY))),
    EARLY_WARNING(List.of(c("list.tag", "tag_name", CellKind.TEXT), c("list.projected_fee", "projected_fee", CellKind.MONEY),
            c("list.projected_data_gb", "projected_data_gb", CellKind.DECIMAL),
            c("list.projected_voice_min", "projected_voice_min", CellKind.DECIMAL),
            c("list.tracked_through", "tracked_through", CellKind.DATE))),
    HIGH_RISK(List.of(c("list.risk_probability", "probability", CellKind.PERCENT),
            c("list.risk_reason_1", "reason_1", CellKind.TEXT), c("list.risk_reason_2", "reason_2", CellKind.TEXT),
            c("list.risk_reason_3", "reason_3", CellKind.TEXT)));

    /** Columns every sheet starts with. */
    static final List<Col> LEAD = List.of(c("list.subscriber_id", "subscriber_id", CellKind.TEXT),
            c("list.msisdn", "msisdn", CellKind.TEXT), c("list.customer_name", "customer_name", CellKind.TEXT),
            c("list.vip_level", "vip_level", CellKind.TEXT), c("list.plan", "plan_name", CellKind.TEXT));
    /** Level and movement: tag sheets only. */
    static final List<Col> STANDING = List.of(c("list.level", "level_name", CellKind.TEXT),
            c("list.movement", "movement_name", CellKind.TEXT));
    static final Col MANAGER = c("list.account_manager", "account_manager_id", CellKind.TEXT);
    /** The care of a tag held or warned: playbook action, channel, offer and words (not for tags that exited). */
    static final List<Col> CARE = List.of(c("list.care_action", "care_action", CellKind.TEXT),
            c("list.channel", "channel", CellKind.TEXT), c("list.contact_allowed", "contact_allowed", CellKind.TEXT),
            c("list.offer", "offer", CellKind.TEXT), c("list.saving_avg", "saving_avg", CellKind.MONEY),
            c("list.reason", "reason", CellKind.TEXT), c("list.sms", "sms", CellKind.TEXT),
            c("list.call_needs", "call_needs", CellKind.TEXT), c("list.call_offer", "call_offer", CellKind.TEXT));
    /** The care columns of the early-warning sheet: a notice, no offer. */
    static final List<Col> NOTICE = List.of(c("list.care_action", "care_action", CellKind.TEXT),
            c("list.channel", "channel", CellKind.TEXT), c("list.sms", "sms", CellKind.TEXT),
            c("list.call_needs", "call_needs", CellKind.TEXT), c("list.call_offer", "call_offer", CellKind.TEXT));

    private final List<Col> figures;

    ListSheet(List<Col> figures) {
        this.figures = figures;
    }

    List<Col> columns() {
        var all = new java.util.ArrayList<>(LEAD);
        if (ordinal() < 4) {
            all.addAll(STANDING);
        }
        all.addAll(figures);
        all.add(MANAGER);
        if (this == EARLY_WARNING) {
            all.addAll(NOTICE);
        } else if (this != EXITED && this != HIGH_RISK) {
            all.addAll(CARE);
        }
        return List.copyOf(all);
    }

    record Col(String messageKey, String field, CellKind kind) {
    }

    private static Col c(String key, String field, CellKind kind) {
        return new Col(key, field, kind);
    }
}
