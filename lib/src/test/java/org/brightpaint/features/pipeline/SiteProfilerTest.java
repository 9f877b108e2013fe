package org.brightpaint.features.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.brightpaint.image.FloatImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class SiteProfilerTest {

  static SiteImages site(FloatImage dna, FloatImage ph3, FloatImage body) {
    Map<String, FloatImage> m = new LinkedHashMap<>();
    m.put("DNA", dna);
    m.put("PH3", ph3);
    m.put("cellbody", body);
    return new SiteImages(1, Map.of("Plate", "P1", "Well", "A01", "Site", "1"), m);
  }

  static SiteImages blobs() {
    int w = 64;
    float[] dna = new float[w * w];
    float[] body = new float[w * w];
    for (int y = 0; y < w; y++) {
      for (int x = 0; x < w; x++) {
        if (Math.hypot(x - 20, y - 20) <= 6 || Math.hypot(x - 44, y - 40) <= 6) {
          dna[y * w + x] = 0.8f;
        }
        if (Math.hypot(x - 20, y - 20) <= 12 || Math.hypot(x - 44, y - 40) <= 12) {
          body[y * w + x] = 0.5f;
        }
      }
    }
    return site(new FloatImage(w, w, dna), FloatImage.zeros(w, w), new FloatImage(w, w, body));
  }

  @Test
  void emptyImageGivesEmptyTablesWithTheSameColumns() {
    ProfileSettings s = ProfileSettings.exampleHuman();
    ProfileTables full = ProfileTables.of(SiteProfiler.profile(blobs(), s));
    ProfileTables empty = ProfileTables.of(SiteProfiler.profile(
        site(FloatImage.zeros(64, 64), FloatImage.zeros(64, 64), FloatImage.zeros(64, 64)), s));
    assertEquals(2, full.compartments().get(Compartment.NUCLEI).rowCount());
    assertEquals(2, full.compartments().get(Compartment.CELLS).rowCount());
    for (Compartment c : Compartment.values()) {
      assertEquals(0, empty.compartments().get(c).rowCount());
      assertEquals(full.compartments().get(c).columnNames(), empty.compartments().get(c).columnNames());
    }
    assertEquals(0.0, empty.image().doubleColumn("Count_Nuclei").get(0));
    List<String> cols = full.compartments().get(Compartment.CELLS).columnNames();
    assertTrue(cols.contains("Cells_Parent_Nuclei"));
    assertTrue(cols.contains("Cells_AreaShape_Zernike_9_9"));
    assertTrue(cols.contains("Cells_Intensity_MeanIntensityEdge_DNA"));
    assertTrue(cols.contains("Metadata_Well"));
    assertTrue(full.compartments().get(Compartment.NUCLEI).columnNames().contains("Nuclei_Children_Cells_Count"));
  }

  @Test
  void saturatedImageGivesNoObjectsAndNoError() {
    float[] ones = new float[64 * 64];
    java.util.Arrays.fill(ones, 1f);
    FloatImage sat = new FloatImage(64, 64, ones);
    SiteProfile p = SiteProfiler.profile(site(sat, sat, sat), ProfileSettings.exampleHuman());
    // the whole field is one object touching the border: discarded, as CellProfiler does
    assertEquals(0, p.count(Compartment.NUCLEI));
    assertEquals(1.0, p.imageMeasurements().get("Threshold_OrigThreshold_Nuclei"));
  }

  @Test
  void nanInputIsAClearError() {
    float[] p = new float[16];
    p[5] = Float.NaN;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> site(new FloatImage(4, 4, p), FloatImage.zeros(4, 4), FloatImage.zeros(4, 4)));
    assertTrue(e.getMessage().contains("DNA") && e.getMessage().contains("x=1, y=1"), e.getMessage());
  }

  @Test
  void mismatchedSizesAreAClearError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> site(FloatImage.zeros(4, 4), FloatImage.zeros(5, 4), FloatImage.zeros(4, 4)));
    assertTrue(e.getMessage().contains("PH3"), e.getMessage());
  }

  @Test
  void missingChannelIsAClearError() {
    SiteImages s = new SiteImages(1, Map.of(), Map.of("DNA", FloatImage.zeros(4, 4)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SiteProfiler.profile(s, ProfileSettings.exampleHuman()));
    assertTrue(e.getMessage().contains("PH3"), e.getMessage());
  }

  @Test
  void writerIsAtomicAndWellMediansAggregate(@TempDir Path dir) throws Exception {
    ProfileTables t = ProfileTables.of(SiteProfiler.profile(blobs(), ProfileSettings.exampleHuman()));
    try (ProfileWriter w = new ProfileWriter(dir, false, ProfileWriter.NonFinite.NAN)) {
      w.append(t);
      assertTrue(Files.notExists(dir.resolve("Nuclei.csv")), "final file appears only on close");
    }
    List<String> lines = Files.readAllLines(dir.resolve("Nuclei.csv"));
    assertEquals(3, lines.size());
    assertTrue(lines.get(0).startsWith("ImageNumber,ObjectNumber,Metadata_"));
    try (var files = Files.list(dir)) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")));
    }
    Table wells = WellAggregation.median(t.compartments());
    assertEquals(1, wells.rowCount());
    double[] areas = t.compartments().get(Compartment.NUCLEI).doubleColumn("Nuclei_AreaShape_Area").asDoubleArray();
    assertEquals((areas[0] + areas[1]) / 2, wells.doubleColumn("Nuclei_AreaShape_Area").get(0), 1e-12);
  }

  @Test
  void aFailingSiteLeavesNoTables(@TempDir Path dir) throws Exception {
    Path good = dir.resolve("dna.tiff");
    java.awt.image.BufferedImage bi = new java.awt.image.BufferedImage(32, 32, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
    javax.imageio.ImageIO.write(bi, "tiff", good.toFile());
    Map<String, Path> ok = Map.of("DNA", good, "PH3", good, "cellbody", good);
    Map<String, Path> broken = Map.of("DNA", good, "PH3", dir.resolve("missing.tiff"), "cellbody", good);
    List<SiteSource> sites = List.of(new SiteSource(1, Map.of(), ok), new SiteSource(2, Map.of(), broken));
    Path out = dir.resolve("out");
    // a missing file is a user error naming it (data.io.UserError, an IllegalArgumentException)
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlateProfiler.run(sites,
        ProfileSettings.exampleHuman(), new PlateProfiler.Options(out, false, false, 1, null)));
    assertTrue(e.getMessage().contains("missing.tiff"), e.getMessage());
    try (var files = Files.list(out)) {
      assertEquals(List.of(), files.toList());
    }
  }

  @Test
  void presetsAreKnownByName() {
    assertEquals("cpjump1", ProfileSettings.preset("CPJUMP1").name());
    assertEquals(List.of("AGP", "DNA", "ER", "Mito", "RNA"), ProfileSettings.cpjump1().measuredImages());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProfileSettings.preset("foo"));
    assertTrue(e.getMessage().contains("foo"));
  }
}
