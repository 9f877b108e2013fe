package org.brightpaint.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.brightpaint.data.io.Csv;
import org.junit.jupiter.api.Test;

/** The committed data-manifests/ against the public CPJUMP1 metadata (bundled test fixture). */
class ManifestsTest {

  /**
   * The public CPJUMP1 metadata bundled with the tests ({@code fixtures/jump-metadata}), so the
   * tests run on every clean clone.
   */
  static Path referenceDir() throws Exception {
    return Path.of(ManifestsTest.class.getResource("/fixtures/jump-metadata/barcode_platemap.csv").toURI()).getParent();
  }

  static Path repoRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("data-manifests"))) {
        return p;
      }
    }
    throw new IllegalStateException("data-manifests/ not found above " + Path.of("").toAbsolutePath());
  }

  @Test
  void joinReproducesTheGroupCounts() {
    PlateMap map = PlateMap.jumpTarget1();
    assertEquals(384, map.wells().size());
    assertEquals(64, map.wells(MoaGroup.CONTROL).size());
    assertEquals(21, map.compounds(MoaGroup.KINASE).size());
    assertEquals(5, map.compounds(MoaGroup.EPIGENETIC).size());
    assertEquals(3, map.compounds(MoaGroup.GROWTH_FACTOR_RECEPTOR).size());
    assertEquals(2, map.compounds(MoaGroup.PROTEASE).size());
    assertEquals(1, map.compounds(MoaGroup.LIPID_SIGNALING).size());
    assertEquals("DMSO", map.perturbation(Well.parse("A02")).pertIname());
    assertEquals("gabapentin-enacarbil", map.perturbation(Well.parse("A01")).pertIname());
  }

  @Test
  void regeneratingReproducesTheCommittedManifests() throws Exception {
    Path ref = referenceDir();
    Map<String, Csv> built = DataManifests.build(ref);
    Path root = repoRoot();
    for (String name : DataManifests.ALL) {
      String fresh = built.get(name).format();
      assertEquals(fresh, Files.readString(root.resolve("data-manifests").resolve(name)), name);
      assertEquals(fresh, DataManifests.embedded(name).format(), "embedded " + name);
    }
    PlateMap joined = DataManifests.joinPlateMap(ref);
    assertEquals(21, joined.compounds(MoaGroup.KINASE).size());
    assertEquals(64, joined.wells(MoaGroup.CONTROL).size());
  }

  @Test
  void anUnannotatedCompoundIsNamed() throws Exception {
    Path ref = referenceDir();
    Path tmp = Files.createTempDirectory("ref");
    Files.copy(ref.resolve("barcode_platemap.csv"), tmp.resolve("barcode_platemap.csv"));
    Files.writeString(tmp.resolve("JUMP-Target-1_compound_platemap.txt"),
        Files.readString(ref.resolve("JUMP-Target-1_compound_platemap.txt")).replace("BRD-A86665761-001-01-1", "BRD-NOPE"));
    Files.copy(ref.resolve("JUMP-Target-1_compound_metadata_additional_annotations.tsv"),
        tmp.resolve("JUMP-Target-1_compound_metadata_additional_annotations.tsv"));
    var e = assertThrows(IllegalArgumentException.class, () -> DataManifests.joinPlateMap(tmp));
    assertTrue(e.getMessage().contains("BRD-NOPE") && e.getMessage().contains("A01"), e.getMessage());
  }

  @Test
  void generalisabilitySplitsTrainOnOneLineAndTestOnTheOther() {
    Csv s = DataManifests.embedded(DataManifests.SPLITS);
    long otherTests = s.records().stream()
        .filter(r -> r.get("role").equals("test_other_line"))
        .filter(r -> !r.get("cell_line").equals(r.get("train_cell_line"))).count();
    assertEquals(2, otherTests);
    assertTrue(s.records().stream().filter(r -> r.get("role").equals("train"))
        .allMatch(r -> r.get("cell_line").equals(r.get("train_cell_line"))));
  }
}
