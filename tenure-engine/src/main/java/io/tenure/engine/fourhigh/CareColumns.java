package io.tenure.engine.fourhigh;

import io.tenure.core.advice.Advice;
import io.tenure.core.care.Care;
import io.tenure.core.care.Playbook;
import io.tenure.engine.duck.ArrowRows;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The care columns of a four-high row: the playbook's action, channel and words, and the advisor's offer. */
final class CareColumns {
    /** Columns {@link #append} writes. */
    static final int COUNT = 18;

    private CareColumns() {
    }

    /** Appends the care columns; all null for a row without care (a tag that exited). */
    static void append(ArrowRows out, Advice advice, Care c) {
        if (c == null) {
            for (int i = 0; i < COUNT; i++) {
                out.appendNull();
            }
            return;
        }
        out.append(c.action().name());
        out.append(c.channel().name());
        out.append(c.allowed() ? "Y" : "N");
        Optional<Advice.Option> offer = c.offer();
        if (offer.isPresent()) {
            Advice.Option o = offer.get();
            out.append(o.kind().name());
            out.append(o.plan().id().value());
            out.append(o.packs().stream().map(a -> a.id().value()).collect(Collectors.joining(";")));
            out.append(Playbook.describe(o));
            out.append(o.monthlySavingCents().stream().map(CareColumns::yuan).collect(Collectors.joining("/")));
            out.append(o.averageSavingCents());
            out.append(o.revenueChangeCents());
            out.append(o.needsContractChange() ? "Y" : "N");
            if (advice.options().size() > 1) {
                out.append(Playbook.describe(advice.options().get(1)));
                out.append(advice.options().get(1).averageSavingCents());
            } else {
                out.appendNull();
                out.appendNull();
            }
        } else {
            boolean stay = !advice.options().isEmpty() && advice.options().get(0).kind() == Advice.Kind.STAY;
            if (stay) {
                out.append(Advice.Kind.STAY.name());
            } else {
                out.appendNull();
            }
            for (int i = 0; i < 9; i++) {
                out.appendNull();
            }
        }
        out.append(c.why());
        out.append(c.sms());
        out.append(c.segments().size());
        appendScript(out, c);
    }

    /** The customer's own parts of the call script: needs and offer (the common parts are published once). */
    static void appendScript(ArrowRows out, Care c) {
        out.append(c.callScript().get(1));
        out.append(c.callScript().get(2));
    }



    private static String yuan(long cents) {
        return String.format(Locale.ROOT, "%.2f", cents / 100.0);
    }
}
