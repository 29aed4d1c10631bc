package io.tenure.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.core.subscriber.IdNumber;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/** The SQL rendering of the GB 11643 checks must agree with the Java reference on any input. */
class IdChecksumSqlTest {

    @Test
    void sqlChecksumAgreesWithTheJavaReferenceOnThousandsOfRandomIds() throws Exception {
        Random random = new Random(11643);
        List<String> ids = new ArrayList<>();
        String alphabet = "0123456789Xx-A１";
        for (int i = 0; i < 6000; i++) {
            StringBuilder s = new StringBuilder();
            int kind = i % 3;
            int length = kind == 2 ? 16 + random.nextInt(4) : 17;
            for (int k = 0; k < length; k++) {
                s.append(kind == 2 ? alphabet.charAt(random.nextInt(alphabet.length())) : (char) ('0' + random.nextInt(10)));
            }
            if (kind == 0) {
                s.append(IdNumber.checkChar(s));
            } else if (kind == 1) {
                s.append("0123456789Xx".charAt(random.nextInt(12)));
            }
            ids.add(s.toString());
        }
        Map<String, Boolean> expected = new LinkedHashMap<>();
        ids.forEach(id -> expected.put(id, IdNumber.isValid(id)));

        Map<String, Boolean> actual = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute("CREATE TABLE ids (id VARCHAR)");
            st.execute("INSERT INTO ids VALUES " + ids.stream().map(id -> "('" + id + "')").collect(Collectors.joining(", ")));
            Column column = Contract.feed("subscribers").column("id_number").orElseThrow();
            Values values = new Values() {
                @Override
                public String raw(String name) {
                    return "id";
                }

                @Override
                public String typed(String name) {
                    return Checks.typed(column, "id");
                }
            };
            String bad = Checks.of(Contract.feed("subscribers"), values).stream()
                    .filter(c -> c.code().equals("ID_CHECKSUM")).map(c -> "(" + c.condition() + ")")
                    .collect(Collectors.joining(" OR "));
            try (ResultSet rs = st.executeQuery("SELECT id, NOT coalesce(" + bad + ", false) FROM ids")) {
                while (rs.next()) {
                    actual.put(rs.getString(1), rs.getBoolean(2));
                }
            }
        }

        assertThat(expected.values()).contains(true, false);
        assertThat(expected.values().stream().filter(v -> v).count()).isGreaterThan(2000);
        assertThat(actual).isEqualTo(expected);
    }
}
