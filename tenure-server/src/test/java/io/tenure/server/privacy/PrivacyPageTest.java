package io.tenure.server.privacy;

import io.tenure.server.testing.AdminHttp;
import io.tenure.server.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class PrivacyPageTest {
    @Test
    void anyoneReadsTheListsInChineseOrEnglish() {
        AdminHttp visitor = AdminHttp.anonymous(TestServer.h2());
        HttpResponse<String> zh = visitor.get("/privacy");
        assertThat(zh.statusCode()).isEqualTo(200);
        assertThat(zh.body()).contains("个人信息收集清单", "第三方共享清单", "<code>id_number</code>", "短信网关");
        HttpResponse<String> en = visitor.get("/privacy?lang=en");
        assertThat(en.body()).contains("Personal information collected", "Shared with third parties", "SMS gateway")
                .doesNotContain("第三方共享清单");
        // the choice is kept by a cookie
        assertThat(visitor.get("/privacy").body()).contains("Shared with third parties");
    }
}
