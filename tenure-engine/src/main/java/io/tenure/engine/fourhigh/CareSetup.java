package io.tenure.engine.fourhigh;

import io.tenure.core.advice.Advice;
import io.tenure.core.advice.PlanAdvisor;
import io.tenure.core.catalog.Catalog;
import io.tenure.core.care.Playbook;
import io.tenure.engine.config.TenureConfig;
import io.tenure.report.Lang;
import io.tenure.report.care.PlaybookTexts;

/** The plan advisor over the run's catalogue and the playbook in the output language, as configured. */
public record CareSetup(PlanAdvisor advisor, Playbook playbook, Advice.Settings settings) {

    public static CareSetup of(Catalog catalog, TenureConfig.Care care, Lang lang) {
        var texts = care.textsFile() == null ? PlaybookTexts.defaults(lang) : PlaybookTexts.withOverrides(lang, care.textsFile());
        return new CareSetup(new PlanAdvisor(catalog), new Playbook(texts, care.sender()), care.settings());
    }
}
