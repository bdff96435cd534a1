package org.clearance.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.clearance.security.Actor;
import org.clearance.security.ApiKeyException;
import org.clearance.security.ApiKeyView;
import org.clearance.security.ApiKeys;
import org.clearance.security.CreatedApiKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clearance keys create|list|revoke}: API keys for CI pipelines and integrations, managed by the local operator. */
@Command(name = "keys", description = "Create, list and revoke API keys for the HTTP API.",
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
public class KeysCommand {

    /** Creates a key and prints its secret once, alone on its line. */
    @Command(name = "create", description = "Create an API key; its secret is printed once, on a line of its own, and never again.",
            footer = {"", "Roles: screener, officer, rule-author, list-manager, auditor, admin (docs/security.md).",
                    "Exit codes: 0 created, 2 invalid name, role or date (nothing created)."})
    static class Create implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "A unique name, e.g. erp-prod or ci.")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "A role of the key; repeat for several.")
        List<String> roles;

        @Option(names = "--expires", paramLabel = "DATE", description = "Last day (UTC, YYYY-MM-DD) the key is accepted.")
        LocalDate expires;

        @Inject
        ApiKeys keys;

        @Override
        public Integer call() {
            try {
                CreatedApiKey created = keys.create(name, roles, expires, Actor.cliOperator());
                PrintWriter out = spec.commandLine().getOut();
                PrintWriter err = spec.commandLine().getErr();
                err.printf("Created API key %s with roles %s%s. Its secret follows; it is shown only this once:%n",
                        created.key().name(), String.join(", ", created.key().roles()),
                        expires == null ? "" : ", valid up to and including " + expires);
                err.flush();
                out.println(created.secret());
                out.flush();
                err.println("Use it as: Authorization: Bearer <key>");
                err.flush();
                return ExitCodes.OK;
            } catch (ApiKeyException e) {
                spec.commandLine().getErr().println("clearance keys create: " + e.getMessage());
                spec.commandLine().getErr().flush();
                return ExitCodes.INPUT;
            }
        }
    }

    /** Lists every key without secrets. */
    @Command(name = "list", description = "List every API key (name, id, roles, status, expiry); never a secret.")
    static class ListKeys implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Inject
        ApiKeys keys;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<ApiKeyView> all = keys.list();
            if (all.isEmpty()) {
                out.println("No API keys; create one with 'clearance keys create --name NAME --role ROLE'.");
            } else {
                String row = "%-24s %-18s %-8s %-11s %-20s %s%n";
                out.printf(row, "NAME", "KEY", "STATUS", "EXPIRES", "CREATED", "ROLES");
                for (ApiKeyView k : all) {
                    out.printf(row, k.name(), "clr_" + k.keyId() + "_…", k.status(), k.expiresOn() == null ? "-" : k.expiresOn(),
                            k.createdAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), String.join(",", k.roles()));
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** Revokes a key by name. */
    @Command(name = "revoke", description = "Revoke an API key: it stops working at once; its record stays.",
            footer = {"", "Exit codes: 0 revoked (or already revoked), 2 no key of that name."})
    static class Revoke implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "The key's name.")
        String name;

        @Inject
        ApiKeys keys;

        @Override
        public Integer call() {
            try {
                ApiKeyView revoked = keys.revoke(name, Actor.cliOperator());
                spec.commandLine().getOut().printf("%s: revoked at %s by %s%n", revoked.name(), revoked.revokedAt(), revoked.revokedBy());
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            } catch (ApiKeyException e) {
                spec.commandLine().getErr().println("clearance keys revoke: " + e.getMessage());
                spec.commandLine().getErr().flush();
                return ExitCodes.INPUT;
            }
        }
    }
}
