package io.tenure.server.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's description at {@code /api/openapi.json} (browsable at {@code /api/docs}): every call needs a bearer token. */
@Configuration
class OpenApiConfig {
    static final String BEARER = "bearer";

    @Bean
    OpenAPI tenureOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Tenure API").version("1")
                        .description("""
                                Customer retention platform for other systems: customer views, the daily lists and tasks \
                                (read), events the operator's systems send between daily runs (complaints, number \
                                portability events, contacts) and the contact history back to the warehouse.

                                Every call sends `Authorization: Bearer <token>`; an admin creates tokens with scopes and a \
                                region (Users → API tokens), and every answer is limited to the token's region. Phone \
                                numbers and names are masked. Writes accept an `Idempotency-Key` header: the same key with \
                                the same body replays the first answer without writing again; with another body it answers \
                                409. Errors answer JSON `{code, field, index, message}`."""))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("tnr_…")
                        .description("An API token created by an admin; its scopes decide the calls it may make")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
