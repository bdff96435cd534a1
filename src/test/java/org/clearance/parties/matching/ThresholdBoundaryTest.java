package org.clearance.parties.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clearance.lists.ListEntry;
import org.clearance.lists.custom.CustomCsvReader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Four of five equally rare words on each side score exactly 8/10: a match at the threshold must not come and go with the
 * floating-point rounding of the token weights, which change with every entry added to the lists.
 */
class ThresholdBoundaryTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 5, 7, 8, 9, 13, 40})
    void shouldKeepAMatchScoredExactlyAtTheThresholdWhateverTheListSize(int otherEntries) throws IOException {
        StringBuilder csv = new StringBuilder("id,name,aliases,country,address,reason\n");
        csv.append("T-1,Pemberly Vostok Shipping Arkwright Zelmora,,RU,,fictional\n");
        csv.append("T-2,Tannick Holmfirth,,RU,,fictional\n"); // so every query word is in one entry, as rare
        for (int i = 0; i < otherEntries; i++) {
            csv.append("F-").append(i).append(",Filler").append(Character.toString('a' + i % 26)).append(i)
                    .append(" Quorvant,,KZ,,fictional\n");
        }
        Path file = folder.resolve("TEST.csv");
        Files.writeString(file, csv);
        List<ListEntry> entries = new CustomCsvReader("TEST").read(file).entries();
        PartyMatcher matcher = new PartyMatcher(MatchSettings.defaults().withThreshold(0.80));
        matcher.index(entries);

        // Each side has a word the other lacks, so neither name is part of the other; no country, so no lift.
        List<Match> matches = matcher.match("Pemberly Shipping Arkwright Zelmora Tannick", null, 3);

        assertThat(matches).singleElement().satisfies(match -> {
            assertThat(match.entry().primaryName()).isEqualTo("Pemberly Vostok Shipping Arkwright Zelmora");
            assertThat(match.score()).isEqualTo(0.8);
        });
    }
}
