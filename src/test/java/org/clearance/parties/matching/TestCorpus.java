package org.clearance.parties.matching;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.clearance.lists.Address;
import org.clearance.lists.Countries;
import org.clearance.lists.CsvRows;
import org.clearance.lists.EntityType;
import org.clearance.lists.Fixtures;
import org.clearance.lists.HeaderIndex;
import org.clearance.lists.ListEntry;
import org.clearance.lists.Text;
import org.clearance.lists.csl.CslCsvReader;
import org.clearance.lists.custom.CustomCsvReader;
import org.clearance.lists.dpl.DplReader;
import org.clearance.lists.eu.FsfXmlReader;
import org.clearance.lists.jp.MetiNoticeReader;
import org.clearance.lists.ofac.OfacCsvReader;
import org.clearance.lists.ofac.OfacFileSet;
import org.clearance.lists.uk.UkSanctionsListReader;

/** Every list fixture read through the real readers, plus the EU Annex IV test sample: about 530 entries. */
public final class TestCorpus {

    private static List<ListEntry> cached;

    private TestCorpus() {
    }

    public static synchronized List<ListEntry> entries() throws IOException {
        if (cached == null) {
            List<ListEntry> all = new ArrayList<>();
            all.addAll(new OfacCsvReader(OfacFileSet.SDN).read(Fixtures.path("ofac/sdn")).entries());
            all.addAll(new OfacCsvReader(OfacFileSet.CONSOLIDATED).read(Fixtures.path("ofac/consolidated")).entries());
            all.addAll(new CslCsvReader().read(Fixtures.path("csl/consolidated.csv")).entries());
            all.addAll(new DplReader().read(Fixtures.path("dpl/dpl.txt")).entries());
            all.addAll(new FsfXmlReader().read(Fixtures.path("eu/fsf.xml")).entries());
            all.addAll(new UkSanctionsListReader().read(Fixtures.path("uk/UK-Sanctions-List.csv")).entries());
            all.addAll(new CustomCsvReader().read(Fixtures.path("custom/watchlist.csv")).entries());
            for (String jp : List.of("jp/list_belarus_tokutei.pdf.txt", "jp/250912_list_daisangoku_tokutei.pdf.txt",
                    "jp/250912_list_russia_tokutei_1-69.pdf.txt")) {
                all.addAll(new MetiNoticeReader().read(Fixtures.path(jp)).entries());
            }
            all.addAll(euAnnexIv());
            cached = List.copyOf(all);
        }
        return cached;
    }

    /** A matcher over every fixture entry plus {@code invented} (made with {@link #person} or {@link #entity}). */
    static PartyMatcher matcherWith(ListEntry... invented) throws IOException {
        List<ListEntry> all = new ArrayList<>(entries());
        all.addAll(List.of(invented));
        PartyMatcher matcher = new PartyMatcher();
        matcher.index(all);
        return matcher;
    }

    /** An invented person on list TEST. */
    static ListEntry person(String id, String name) {
        return ListEntry.builder("TEST", id).type(EntityType.PERSON).primaryName(name).build();
    }

    /** An invented entity on list TEST. */
    static ListEntry entity(String id, String name) {
        return ListEntry.builder("TEST", id).type(EntityType.ENTITY).primaryName(name).build();
    }

    /** The CC BY-NC OpenSanctions transcription, read here only as test data (see fixtures README). */
    public static List<ListEntry> euAnnexIv() throws IOException {
        String csv = Files.readString(Fixtures.path("matching/eu_reg833_annex_iv_sample.csv"));
        List<CsvRows.Row> rows = CsvRows.read(new StringReader(csv), ',', "annex");
        HeaderIndex c = new HeaderIndex(rows.get(0), "annex");
        List<ListEntry> entries = new ArrayList<>();
        for (CsvRows.Row row : rows.subList(1, rows.size())) {
            ListEntry.Builder b = ListEntry.builder("EU-833-ANNEX-IV", c.get(row, "recordId"))
                    .type(EntityType.ENTITY).primaryName(c.get(row, "name")).program("Annex IV");
            Text.split(c.get(row, "alias"), ";").forEach(a -> b.alias(a, false));
            for (String address : Text.split(c.get(row, "address"), ";")) {
                List<String> parts = Text.split(address, ",");
                String country = parts.isEmpty() ? null : Countries.toIso2(parts.get(parts.size() - 1)).orElse(null);
                b.address(new Address(address, null, null, null, country));
            }
            entries.add(b.build());
        }
        return entries;
    }
}
