package org.clearance.cli;

import org.clearance.config.ClearanceVersion;
import picocli.CommandLine.Command;

/** The {@code clearance} command and its subcommands. */
@Command(name = "clearance", mixinStandardHelpOptions = true, version = "Clearance " + ClearanceVersion.CURRENT,
        description = "Screens export orders against the Russia/Belarus export-control rule packs of the US, EU, UK and Japan.",
        subcommands = {ScreenCommand.class, RulesCommand.class, ListsCommand.class, TradeCommand.class, KeysCommand.class,
                ServeCommand.class, AuditCommand.class, ScreeningsCommand.class, LicencesCommand.class,
                ExamplesCommand.class, CasesCommand.class, RescreenCommand.class, PacksCommand.class})
public class ClearanceCommand {
}
