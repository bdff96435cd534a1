package org.clearance.lists.eu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import org.clearance.lists.Alias;
import org.clearance.lists.EntityType;
import org.clearance.lists.Fixtures;
import org.clearance.lists.Identifier;
import org.clearance.lists.ListEntry;
import org.clearance.lists.ListFormatException;
import org.clearance.lists.ListSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FsfXmlReaderTest {

    @TempDir
    Path tmp;

    @Test
    void shouldReadSanctionEntitiesWithAliasesAndGenerationDate() throws Exception {
        ListSnapshot snapshot = new FsfXmlReader().read(Fixtures.path("eu/fsf.xml"));
        assertThat(snapshot.version().publishedOn()).isEqualTo(LocalDate.of(2026, 7, 28));
        assertThat(snapshot.entries()).hasSize(2);

        ListEntry sirius = snapshot.entries().get(0);
        assertThat(sirius.source()).isEqualTo("EU-FSF");
        assertThat(sirius.sourceId()).isEqualTo("140131");
        assertThat(sirius.type()).isEqualTo(EntityType.ENTITY);
        assertThat(sirius.primaryName()).isEqualTo("Joint Stock Company Sirius");
        assertThat(sirius.aliases()).containsExactly(
                Alias.strong("Открытое Акционерное Общество «Концерн «Сириус»"), Alias.weak("Sirius"));
        assertThat(sirius.programs()).containsExactly("RUS");
        assertThat(sirius.identifiers()).containsExactly(new Identifier("Tax identification number", "7704730655", "RU"));
        assertThat(sirius.addresses().get(0).postalCode()).isEqualTo("119435");
        assertThat(sirius.details()).containsEntry("euReferenceNumber", "EU.6470.63");

        ListEntry lavrov = snapshot.entries().get(1);
        assertThat(lavrov.type()).isEqualTo(EntityType.PERSON);
        assertThat(lavrov.countries()).containsExactly("RU");
        assertThat(lavrov.aliases()).extracting(Alias::name).containsExactly("Сергей Викторович ЛАВРОВ");
    }

    @Test
    void shouldRejectMalformedXmlNamingItsLine() throws Exception {
        String xml = Fixtures.read("eu/fsf.xml").replace("<subjectType code=\"person\" classificationCode=\"P\"/>",
                "<subjectType code=\"person\" classificationCode=\"P\">");
        Path file = Fixtures.write(tmp, "fsf.xml", xml);
        assertThatThrownBy(() -> new FsfXmlReader().read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith("fsf.xml line 2")
                .hasMessageContaining("malformed XML");
    }

    @Test
    void shouldRejectEntityWithoutLogicalIdNamingItsLine() throws Exception {
        String xml = Fixtures.read("eu/fsf.xml").replace("logicalId=\"139025\"", "");
        Path file = Fixtures.write(tmp, "fsf.xml", xml);
        assertThatThrownBy(() -> new FsfXmlReader().read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessage("fsf.xml line 17: <sanctionEntity> without logicalId");
    }
}
