package org.clearance.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Clearance settings, under the {@code clearance.} prefix (application.properties or env vars). */
@ConfigMapping(prefix = "clearance")
public interface ClearanceConfig {

    /** Rule pack settings. */
    Rules rules();

    /** HTTP API limits. */
    Api api();

    /** Command-line settings. */
    Cli cli();

    /** The officers' console in the browser. */
    Console console();

    interface Console {
        /** A console session ends after this long without a page request. */
        @WithDefault("30M")
        java.time.Duration sessionIdle();

        /** A console session ends this long after sign-in, however busy. */
        @WithDefault("8H")
        java.time.Duration sessionMaximum();

        /** The dashboard shows a list in red from this age, unless its source sets its own max-age. */
        @WithDefault("7D")
        java.time.Duration staleListAge();
    }

    interface Cli {
        /**
         * Whether long commands redraw a progress line on standard error. The clearance script turns it on when
         * standard error is a terminal; off, standard error holds only what the command reports.
         */
        @WithDefault("false")
        boolean progress();
    }

    interface Rules {
        /** Folder with the rule pack: *.drl files and decision tables (*.table.csv, *.table.xlsx), their *.tests.yaml and reference data under data/. */
        @WithDefault("rules")
        String directory();

        /**
         * How often a running server reads which rule pack is active in the database, and swaps to one activated
         * since (by {@code clearance rules activate} or a reload on any server). Only {@code serve} polls.
         */
        @WithDefault("2s")
        java.time.Duration activePoll();

        /**
         * Characters a rule file may have; the pack check refuses a larger one (read by
         * {@link org.clearance.rules.guard.PackLimits}, also outside the application).
         */
        @WithDefault("262144")
        int maxFileBytes();

        /** Rules a pack may have; the pack check refuses more. */
        @WithDefault("1000")
        int maxRules();

        /**
         * Folder where compiled rule packs are kept between runs, so that a start or command that loads a pack
         * compiled before does not compile it again; none: compile on every start. It holds compiled code: keep it
         * beside the database, writable by this service only. Read by {@code org.clearance.rules.CompiledPackFiles}.
         */
        java.util.Optional<String> compiledCache();
    }

    interface Api {
        /** Most orders accepted by one POST /api/v1/screenings/batch. */
        @WithDefault("10000")
        int batchMaxOrders();

        /** Largest request body, in bytes, of a single-order screening and the other JSON endpoints that check it. */
        @WithDefault("8388608")
        int maxBodyBytes();

        /**
         * Largest request body, in bytes, of POST /api/v1/screenings/batch: room for batch-max-orders orders of about
         * 1.6 KB each. quarkus.http.limits.max-body-size must not be lower.
         */
        @WithDefault("16777216")
        int batchMaxBodyBytes();

        /** Page size of GET /api/v1/screenings. */
        @WithDefault("50")
        int pageSize();

        /**
         * Absolute URL clients reach the API under (e.g. {@code https://clearance.example.com}), used for
         * {@code Location} headers; without it they are relative. Never taken from the request's Host header.
         */
        java.util.Optional<String> publicBaseUrl();
    }
}
