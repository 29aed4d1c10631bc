package io.tenure.engine.fourhigh;

import io.tenure.core.billing.Contract;
import io.tenure.core.billing.ContractKind;
import io.tenure.core.billing.Tariff;
import io.tenure.core.catalog.Addon;
import io.tenure.core.catalog.AddonId;
import io.tenure.core.catalog.AddonKind;
import io.tenure.core.catalog.Catalog;
import io.tenure.core.catalog.Network;
import io.tenure.core.catalog.Plan;
import io.tenure.core.catalog.PlanId;
import io.tenure.engine.duck.Duck;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The catalogue read from the loaded feeds, and the tariffs (plan + addons) subscribers carry.
 * Subscribers share few plan/addon combinations, so tariffs are built once per combination.
 */
public final class TariffBook {
    private final Catalog catalog;
    private final ConcurrentHashMap<String, Tariff> tariffs = new ConcurrentHashMap<>();

    public TariffBook(Catalog catalog) {
        this.catalog = catalog;
    }

    public static TariffBook load(Connection c) {
        List<Plan> plans = new ArrayList<>();
        List<Addon> addons = new ArrayList<>();
        String planSql = "SELECT plan_id, name, monthly_fee, voice_min, data_mb, sms, voice_rate, data_rate_per_gb, sms_rate, "
                + "network, published FROM plans ORDER BY plan_id";
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(planSql)) {
            while (r.next()) {
                String network = r.getString(10);
                plans.add(new Plan(new PlanId(r.getString(1)), r.getString(2), cents(r.getBigDecimal(3)), r.getLong(4),
                        r.getLong(5), r.getLong(6), cents(r.getBigDecimal(7)), cents(r.getBigDecimal(8)),
                        cents(r.getBigDecimal(9)), network == null ? null : Network.parse(network), r.getBoolean(11)));
            }
        } catch (SQLException e) {
            throw Duck.failure(planSql, e);
        }
        String addonSql = "SELECT addon_id, name, kind, monthly_fee, coalesce(voice_min, 0), coalesce(data_mb, 0), published "
                + "FROM addons ORDER BY addon_id";
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(addonSql)) {
            while (r.next()) {
                addons.add(new Addon(new AddonId(r.getString(1)), r.getString(2), AddonKind.valueOf(r.getString(3)),
                        cents(r.getBigDecimal(4)), r.getLong(5), r.getLong(6), r.getBoolean(7)));
            }
        } catch (SQLException e) {
            throw Duck.failure(addonSql, e);
        }
        return new TariffBook(new Catalog(plans, addons));
    }

    public Catalog catalog() {
        return catalog;
    }

    /** The tariff of a plan id and a normalised ';'-separated addon list (references were checked at load). */
    public Tariff tariff(String planId, String addonIds) {
        String key = addonIds == null ? planId : planId + '|' + addonIds;
        return tariffs.computeIfAbsent(key, k -> {
            Plan plan = catalog.plan(new PlanId(planId)).orElseThrow();
            List<Addon> list = new ArrayList<>();
            if (addonIds != null && !addonIds.isEmpty()) {
                for (String id : addonIds.split(";")) {
                    list.add(catalog.addon(new AddonId(id)).orElseThrow());
                }
            }
            return Tariff.of(plan, list);
        });
    }

    static Contract contract(String kind, LocalDate end, long minSpendCents) {
        if (kind == null) {
            return Contract.NONE;
        }
        return new Contract(ContractKind.valueOf(kind), end, minSpendCents);
    }

    static long cents(BigDecimal yuan) {
        return yuan == null ? 0 : yuan.movePointRight(2).longValueExact();
    }
}
