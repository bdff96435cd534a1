package org.clearance.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.concurrent.Callable;
import org.clearance.packs.PackBuildException;
import org.clearance.packs.PackBuilder;
import org.clearance.packs.PackBundleLimits;
import org.clearance.packs.PackBundleRefusedException;
import org.clearance.packs.PackBundles;
import org.clearance.packs.PackDescription;
import org.clearance.packs.PackKeyException;
import org.clearance.packs.PackKeys;
import org.clearance.packs.PackManifest;
import org.clearance.packs.PackRequirement;
import org.clearance.packs.PackSplit;
import org.clearance.packs.PacksConfig;
import org.clearance.packs.SigningKey;
import org.clearance.packs.TrustedKeys;
import org.clearance.packs.VerifiedBundle;
import org.clearance.rules.RulePackInvalidException;
import org.clearance.rules.RulePackLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clearance packs keygen|build|verify|inspect|pull}: signed rule pack bundles for publishers and subscribers (docs/packs.md). */
@Command(name = "packs", description = "Build, sign, verify, inspect and pull rule pack bundles (docs/packs.md).",
        subcommands = {PacksCommand.Keygen.class, PacksCommand.Build.class, PacksCommand.Verify.class, PacksCommand.Inspect.class,
                PullCommand.class})
public class PacksCommand {

    /** Writes a publisher's key pair. */
    @Command(name = "keygen", description = "Write a key pair for signing bundles: NAME.key (private: keep it secret) and NAME.pub (give it to subscribers).",
            footer = {"", "Exit codes: 0 written, 2 a file of that name exists or cannot be written (nothing overwritten)."})
    static class Keygen implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "The key pair's path without extension, e.g. keys/acme-2027.")
        Path name;

        @Option(names = "--algorithm", paramLabel = "ALG", defaultValue = "ED25519",
                description = "ED25519 (default, signs with EdDSA) or RSA (3072 bits, signs with RSASSA-PSS, PS256).")
        PackKeys.Algorithm algorithm;

        @Override
        public Integer call() {
            try {
                KeyPair pair = PackKeys.generate(algorithm);
                List<Path> written = PackKeys.writePair(name, pair);
                PrintWriter out = spec.commandLine().getOut();
                out.printf("Wrote %s (private key: keep it secret) and %s (public key: give it to subscribers).%n",
                        written.get(0), written.get(1));
                out.printf("Key id: %s%n", PackKeys.keyId(pair.getPublic()));
                out.flush();
                return ExitCodes.OK;
            } catch (PackKeyException e) {
                return fail(spec, "keygen", e.getMessage(), ExitCodes.INPUT);
            }
        }
    }

    /** Builds and signs a bundle from a pack folder. */
    @Command(name = "build", description = "Build a signed bundle (.tar.gz, or .zip if FILE ends so) from a rule pack folder. "
            + "Name, version, publisher and jurisdictions come from the options or from pack.json in the folder; options win. "
            + "A folder with bundles.yaml is built as the several bundles it describes, into --output-dir.",
            footer = {"", "Exit codes: 0 built, 2 a missing or invalid folder, key, option, pack.json or bundles.yaml, "
                    + "3 the pack (or a bundle with the bundles it requires) does not load."})
    static class Build implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "The rule pack folder (its .drl files, data/, tests).")
        Path folder;

        @Option(names = "--sign", required = true, paramLabel = "NAME.key", description = "The publisher's private key (packs keygen).")
        Path key;

        @Option(names = "--output", paramLabel = "FILE", description = "The bundle to write, e.g. eu-legal-1.4.0.tar.gz.")
        Path output;

        @Option(names = "--output-dir", paramLabel = "DIR", description = "For a folder with bundles.yaml: where to write its bundles, as NAME-VERSION.tar.gz.")
        Path outputDir;

        @Option(names = "--requires", paramLabel = "NAME@VERSION", description = "A base pack this one builds on (it must be below it in a stack), e.g. clearance-common@0.1.0; repeat for several.")
        List<String> requires;

        @Option(names = "--name", paramLabel = "NAME", description = "The pack's name: lower-case letters, digits, '.', '_', '-'.")
        String name;

        @Option(names = "--pack-version", paramLabel = "SEMVER", description = "The pack's version, a semantic version such as 1.4.0.")
        String version;

        @Option(names = "--publisher", paramLabel = "TEXT", description = "Who publishes the pack, e.g. \"Acme Trade Compliance\".")
        String publisher;

        @Option(names = "--jurisdiction", paramLabel = "CODE", description = "A jurisdiction the pack covers (US, EU, UK, JP, ALL); repeat for several.")
        List<String> jurisdictions;

        @Option(names = "--min-clearance-version", paramLabel = "SEMVER", description = "The oldest Clearance that may use the pack (default: this one).")
        String minClearanceVersion;

        @Override
        public Integer call() {
            if (!Files.isDirectory(folder)) {
                return fail(spec, "build", folder + " is not a folder", ExitCodes.INPUT);
            }
            if ((output == null) == (outputDir == null)) {
                return fail(spec, "build", "give --output FILE, or --output-dir DIR (the bundle is named NAME-VERSION.tar.gz"
                        + " there; a folder with " + PackSplit.FILE + " is built as the bundles it describes)", ExitCodes.INPUT);
            }
            // With --output the folder is one bundle, as before; with --output-dir, bundles.yaml splits it.
            boolean split = outputDir != null && PackSplit.isSplit(folder);
            if (split && (name != null || version != null || publisher != null || jurisdictions != null
                    || minClearanceVersion != null || requires != null)) {
                return fail(spec, "build", folder + " has " + PackSplit.FILE + ", which describes its bundles: give only "
                        + "--sign and --output-dir (or --output FILE to build the whole folder as one bundle)", ExitCodes.INPUT);
            }
            try {
                SigningKey signingKey = PackKeys.readSigningKey(key);
                if (split) {
                    return buildSplit(signingKey);
                }
                PackDescription description = PackDescription.readTemplate(folder)
                        .overriddenBy(new PackDescription(name, version, publisher, jurisdictions, minClearanceVersion, requires));
                if (output == null) {
                    output = outputDir.resolve(description.name() + "-" + description.version() + ".tar.gz");
                }
                // A publisher signs what subscribers will run: refuse a pack that does not compile or that the allow-list refuses.
                RulePackLoader.load(folder);
                PackManifest manifest = PackBuilder.build(folder, description, signingKey, output);
                PrintWriter out = spec.commandLine().getOut();
                out.printf("Built %s: %s %s by %s, %d files, signed with key %s.%n", output, manifest.name(), manifest.version(),
                        manifest.publisher(), manifest.files().size(), signingKey.keyId());
                out.flush();
                return ExitCodes.OK;
            } catch (PackKeyException | PackBuildException e) {
                return fail(spec, "build", e.getMessage(), ExitCodes.INPUT);
            } catch (RulePackInvalidException e) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("clearance packs build: the rule pack " + folder + " does not load (" + e.problems().size() + " problem(s)):");
                e.problems().forEach(err::println);
                err.flush();
                return ExitCodes.RULE_PACK;
            }
        }

        /**
         * Every bundle of the split, each loaded with the bundles it requires (as a subscriber stacking them would load
         * it) before any is signed; then all are written.
         */
        private int buildSplit(SigningKey signingKey) {
            List<PackSplit.Part> parts = PackSplit.parts(folder);
            RulePackLoader.load(folder);
            for (PackSplit.Part part : parts) {
                Path stack = null;
                try {
                    stack = Files.createTempDirectory("clearance-split-");
                    PackSplit.materialize(PackSplit.closure(parts, part), stack);
                    RulePackLoader.load(stack);
                } catch (java.io.IOException e) {
                    throw new PackBuildException("cannot make a temporary folder: " + e);
                } catch (RulePackInvalidException e) {
                    PrintWriter err = spec.commandLine().getErr();
                    err.println("clearance packs build: bundle " + part.description().name() + " with the bundles it requires "
                            + "does not load (" + e.problems().size() + " problem(s)):");
                    e.problems().forEach(err::println);
                    err.flush();
                    return ExitCodes.RULE_PACK;
                } finally {
                    org.clearance.rules.FileTrees.deleteQuietly(stack);
                }
            }
            List<PackManifest> built = PackSplit.build(folder, signingKey, outputDir);
            PrintWriter out = spec.commandLine().getOut();
            for (PackManifest manifest : built) {
                out.printf("Built %s: %s %s by %s, %d files%s, signed with key %s.%n",
                        outputDir.resolve(manifest.name() + "-" + manifest.version() + ".tar.gz"), manifest.name(),
                        manifest.version(), manifest.publisher(), manifest.files().size(), manifest.requires().isEmpty() ? ""
                                : ", requires " + manifest.requires().stream().map(PackRequirement::toString)
                                .collect(java.util.stream.Collectors.joining(", ")), signingKey.keyId());
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** Checks a bundle's signature and every file. */
    @Command(name = "verify", description = "Check a bundle: its signature by a trusted key, and every file against the signed manifest's SHA-256.",
            footer = {"", "Exit codes: 0 valid, 1 refused (the reason is printed; nothing unpacked), 2 a missing bundle, an unreadable key, or an --extract folder that exists."})
    static class Verify implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Inject
        PacksConfig config;

        @Parameters(paramLabel = "FILE", description = "The bundle (.tar.gz or .zip).")
        Path bundle;

        @Option(names = "--trust", required = true, paramLabel = "NAME.pub", description = "A publisher's public key to accept; repeat for several.")
        List<Path> trusted;

        @Option(names = "--extract", paramLabel = "DIR", description = "Also unpack the pack files into DIR (which must not exist) if, and only if, the bundle is valid.")
        Path extractTo;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(bundle)) {
                return fail(spec, "verify", bundle + " does not exist or is not a file", ExitCodes.INPUT);
            }
            if (extractTo != null && Files.exists(extractTo)) {
                return fail(spec, "verify", extractTo + " already exists; --extract needs a new folder", ExitCodes.INPUT);
            }
            TrustedKeys keys;
            try {
                keys = TrustedKeys.read(trusted);
            } catch (PackKeyException e) {
                return fail(spec, "verify", e.getMessage(), ExitCodes.INPUT);
            }
            try {
                VerifiedBundle verified = extractTo == null ? PackBundles.check(bundle, keys, PackBundleLimits.of(config))
                        : PackBundles.verify(bundle, keys, extractTo, PackBundleLimits.of(config));
                PackManifest manifest = verified.manifest();
                PrintWriter out = spec.commandLine().getOut();
                out.printf("%s: valid. %s %s by %s (%s), %d files, signed by %s (key %s).%n", bundle, manifest.name(),
                        manifest.version(), manifest.publisher(), String.join(", ", manifest.jurisdictions()),
                        manifest.files().size(), verified.signedBy().label(), verified.signedBy().keyId());
                if (extractTo != null) {
                    out.printf("Unpacked into %s.%n", extractTo);
                }
                out.flush();
                return ExitCodes.OK;
            } catch (PackBundleRefusedException e) {
                return fail(spec, "verify", "refused: " + e.reason(), ExitCodes.FINDINGS);
            }
        }
    }

    /** Prints a bundle's manifest without trusting it. */
    @Command(name = "inspect", description = "Print a bundle's manifest.json and the key ids of its signatures, without verifying them.",
            footer = {"", "Exit codes: 0 printed, 1 not a readable bundle (the reason is printed), 2 a missing file."})
    static class Inspect implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Inject
        PacksConfig config;

        @Parameters(paramLabel = "FILE", description = "The bundle (.tar.gz or .zip).")
        Path bundle;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(bundle)) {
                return fail(spec, "inspect", bundle + " does not exist or is not a file", ExitCodes.INPUT);
            }
            try {
                PackBundles.Inspected inspected = PackBundles.inspect(bundle, PackBundleLimits.of(config));
                PrintWriter out = spec.commandLine().getOut();
                // Unverified bytes: show them, but never let them drive the terminal with control characters.
                out.print(new String(inspected.manifestJson(), StandardCharsets.UTF_8)
                        .replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "?"));
                out.flush();
                PrintWriter err = spec.commandLine().getErr();
                err.println(inspected.signatures().isEmpty() ? "Unsigned."
                        : "Signatures (not verified; use 'clearance packs verify'): " + String.join("; ", inspected.signatures()));
                err.flush();
                return ExitCodes.OK;
            } catch (PackBundleRefusedException e) {
                return fail(spec, "inspect", "refused: " + e.reason(), ExitCodes.FINDINGS);
            }
        }
    }

    static int fail(CommandSpec spec, String command, String message, int exitCode) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("clearance packs " + command + ": " + message);
        err.flush();
        return exitCode;
    }
}
