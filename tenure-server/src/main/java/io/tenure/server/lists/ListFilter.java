package io.tenure.server.lists;

import io.tenure.core.care.CareAction;
import io.tenure.core.care.Channel;
import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import io.tenure.core.fourhigh.Level;
import io.tenure.core.fourhigh.Movement;
import io.tenure.core.fourhigh.Tag;
import io.tenure.core.risk.RiskBands;
import io.tenure.server.api.ApiError;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a list is narrowed to; every value optional (null = any). The risk list uses tag (a four-high tag the subscriber
 * also carries), county, band and VIP level only. The county narrows inside the caller's region, never beyond it.
 */
public record ListFilter(String tag, String level, String movement, String county, String band, String vip,
                         String careAction, String channel, String contactAllowed) {
    /** The query parameter names, in the order the filters are shown. */
    public static final List<String> FIELDS = List.of("tag", "level", "movement", "county", "band", "vip", "careAction",
            "channel", "contactAllowed");
    static final List<String> VIP_LEVELS = List.of("NONE", "SILVER", "GOLD", "DIAMOND");
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "tag", names(Tag.values()),
            "level", names(Level.values()),
            "movement", names(Movement.values()),
            "band", names(RiskBands.Band.values()),
            "vip", VIP_LEVELS,
            "careAction", names(CareAction.values()),
            "channel", names(Channel.values()),
            "contactAllowed", List.of("Y", "N"));
    public static final ListFilter NONE = new ListFilter(null, null, null, null, null, null, null, null, null);

    public ListFilter {
        tag = valid("tag", tag);
        level = valid("level", level);
        movement = valid("movement", movement);
        county = valid("county", county);
        band = valid("band", band);
        vip = valid("vip", vip);
        careAction = valid("careAction", careAction);
        channel = valid("channel", channel);
        contactAllowed = valid("contactAllowed", contactAllowed);
    }

    /** The filter of these request parameters (others ignored); invalid values throw, naming the parameter. */
    public static ListFilter from(Map<String, String> params) {
        return new ListFilter(params.get("tag"), params.get("level"), params.get("movement"), params.get("county"),
                params.get("band"), params.get("vip"), params.get("careAction"), params.get("channel"),
                params.get("contactAllowed"));
    }

    /** The first unusable parameter, if any, without throwing (for the API's field-naming answer). */
    public static Optional<ApiError> problem(Map<String, String> params) {
        return FIELDS.stream().map(f -> check(f, params.get(f))).flatMap(Optional::stream).findFirst();
    }

    /** The values set, by parameter name (for links, the export's audit detail). */
    public Map<String, String> values() {
        Map<String, String> m = new LinkedHashMap<>();
        String[] v = {tag, level, movement, county, band, vip, careAction, channel, contactAllowed};
        for (int i = 0; i < v.length; i++) {
            if (v[i] != null) {
                m.put(FIELDS.get(i), v[i]);
            }
        }
        return m;
    }

    /** The values a filter may take (for the selects), by parameter name; the county is not listed here. */
    public static List<String> allowed(String field) {
        return ALLOWED.getOrDefault(field, List.of());
    }

    private static String valid(String field, String value) {
        Optional<ApiError> problem = check(field, value);
        if (problem.isPresent()) {
            throw exception(problem.get());
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Optional<ApiError> check(String field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        if ("county".equals(field)) {
            return v.length() <= 50 ? Optional.empty()
                    : Optional.of(invalid(field, "a county name has at most 50 characters"));
        }
        List<String> allowed = ALLOWED.get(field);
        return allowed.contains(v) ? Optional.empty()
                : Optional.of(invalid(field, "'" + v + "' is not one of " + allowed));
    }

    /** A request value that cannot be used, as the API answers it (400), naming the field. */
    static ApiError invalid(String field, String message) {
        return new ApiError(ErrorCode.INVALID_VALUE.name(), field, null, message);
    }

    /** The problem as pages and constructors throw it: the field, then what is wrong. */
    static TenureException exception(ApiError problem) {
        return new TenureException(ErrorCode.INVALID_VALUE, problem.field() + ": " + problem.message());
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
