package org.clearance.lists.dpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.clearance.lists.Address;
import org.clearance.lists.Fixtures;
import org.clearance.lists.ListEntry;
import org.clearance.lists.ListFormatException;
import org.clearance.lists.ListSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DplReaderTest {

    @TempDir
    Path tmp;

    @Test
    void shouldReadRealDplRows() throws Exception {
        ListSnapshot snapshot = new DplReader().read(Fixtures.path("dpl/dpl.txt"));
        assertThat(snapshot.entries()).isNotEmpty().allSatisfy(e -> assertThat(e.source()).isEqualTo("US-BIS-DPL"));
        ListEntry hernandez = snapshot.entries().get(0);
        assertThat(hernandez.primaryName()).isEqualTo("ADRIAN MANUEL HERNANDEZ");
        assertThat(hernandez.addresses()).containsExactly(new Address("3037 S. 69TH DRIVE", "PHONEIX", "AZ", "85043", null));
        assertThat(hernandez.details()).containsEntry("effective_date", "10/16/2017")
                .containsEntry("expiration_date", "10/13/2020")
                .containsEntry("federal_register_notice", "82 F.R. 48792 10/20/2017");
        assertThat(hernandez.sourceId()).hasSize(16);
        ListEntry ash = snapshot.entries().get(1);
        assertThat(ash.primaryName()).isEqualTo("I. ASH");
        assertThat(ash.addresses().get(0).country()).isEqualTo("US");
    }

    @Test
    void shouldGiveTheSameIdWhenRowsAreReordered() throws Exception {
        String[] lines = Fixtures.read("dpl/dpl.txt").split("\n");
        String swapped = lines[0] + "\n" + lines[2] + "\n" + lines[1] + "\n";
        ListSnapshot original = new DplReader().read(Fixtures.path("dpl/dpl.txt"));
        ListSnapshot reordered = new DplReader().read(Fixtures.write(tmp, "dpl.txt", swapped));
        assertThat(reordered.entries().get(1).sourceId()).isEqualTo(original.entries().get(0).sourceId());
    }

    @Test
    void shouldRejectRowWithMissingTabNamingItsLine() throws Exception {
        String[] lines = Fixtures.read("dpl/dpl.txt").split("\n");
        String broken = lines[0] + "\n" + lines[1] + "\n" + lines[2].replaceFirst("\t", " ") + "\n";
        Path file = Fixtures.write(tmp, "dpl.txt", broken);
        assertThatThrownBy(() -> new DplReader().read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith("dpl.txt line 3: unexpected ' ' after closing quote");
    }
}
