package io.tenure.server.privacy;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class PrivacyListsTest {
    @Test
    void bothListsAreRenderedInChineseByDefaultAndInEnglish() {
        String zh = PrivacyLists.render(Locale.SIMPLIFIED_CHINESE);
        assertThat(zh).contains("个人信息收集清单", "第三方共享清单", "短信网关", "携号转网平台", "客户关系管理系统（CRM）");
        assertThat(zh.indexOf("个人信息收集清单")).isLessThan(zh.indexOf("第三方共享清单"));
        String en = PrivacyLists.render(Locale.ENGLISH);
        assertThat(en).contains("Personal information collected", "Shared with third parties", "SMS gateway",
                "Number portability platform", "(CRM)").doesNotContain("个人信息收集清单");
        // the machine's own locale never picks the language
        assertThat(PrivacyLists.render(Locale.GERMAN)).isEqualTo(PrivacyLists.render(Locale.ROOT)).isEqualTo(zh);
    }

    @Test
    void everyPersonalFieldOfTheDataContractIsListed() {
        List<String> fields = PrivacyLists.COLLECTED.stream().flatMap(c -> c.fields().stream()).toList();
        assertThat(fields).contains("customer_name", "id_number", "msisdn", "birth_date", "gender", "bills", "usage",
                "complaints.text", "contacts", "mnp_events", "audit_log.remote_addr", "app_user.password_hash");
    }

    @Test
    void theIdentityNumberIsSaidNeverToReachTheServer() {
        var row = PrivacyLists.collected(Locale.ENGLISH).get(PrivacyLists.COLLECTED.indexOf(
                PrivacyLists.COLLECTED.stream().filter(c -> c.id().equals("id_number")).findFirst().orElseThrow()));
        assertThat(row.fields()).containsExactly("id_number");
        assertThat(row.usedIn()).contains("never published to the server");
        assertThat(row.retention()).contains("Not kept by the server").contains("reject file");
    }

    @Test
    void whatEachThirdPartyReceivesIsNamed() {
        var shared = PrivacyLists.shared(Locale.ENGLISH);
        assertThat(shared).hasSize(PrivacyLists.SHARED.size());
        assertThat(shared.get(0).content()).contains("Phone number", "message text");
        assertThat(shared.get(1).content()).contains("eligibility answer");
        assertThat(shared.get(2).content()).contains("no names or numbers");
        assertThat(shared.get(2).basis()).contains("contacts:read");
    }

    @Test
    void theChineseAndEnglishMessagesHaveTheSameKeys() {
        ResourceBundle zh = PrivacyLists.messages(Locale.CHINESE);
        ResourceBundle en = PrivacyLists.messages(Locale.ENGLISH);
        Set<String> zhKeys = new TreeSet<>(Collections.list(zh.getKeys()));
        Set<String> enKeys = new TreeSet<>(Collections.list(en.getKeys()));
        assertThat(enKeys).isEqualTo(zhKeys);
        assertThat(zh.getString("privacy.collected.title")).isEqualTo("个人信息收集清单");
    }
}
