package io.tenure.cli;

import io.tenure.server.privacy.PrivacyLists;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code tenure privacy-lists}: the two lists an operator publishes, as the server's /privacy page shows them. */
@Command(name = "privacy-lists", mixinStandardHelpOptions = true,
        description = "Print the personal information collected and the list of what is shared with third parties.")
final class PrivacyListsCommand implements Callable<Integer> {
    @Option(names = "--lang", defaultValue = "zh", description = "zh or en (default ${DEFAULT-VALUE}).")
    String lang;

    @Override
    public Integer call() {
        System.out.print(PrivacyLists.render("en".equalsIgnoreCase(lang) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE));
        return 0;
    }
}
