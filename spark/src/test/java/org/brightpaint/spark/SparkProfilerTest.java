package org.brightpaint.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.brightpaint.data.io.Tiff16;
import org.brightpaint.features.pipeline.ParquetProfiles;
import org.brightpaint.features.pipeline.PlateProfiler;
import org.brightpaint.features.pipeline.ProfileSettings;
import org.brightpaint.features.pipeline.SiteSource;
import org.brightpaint.image.FloatImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The Spark job in local mode on a small synthetic screen (two plates, six sites) gives the same
 * cells, cell by cell and bit for bit, as the single-machine profile with {@code --parquet}.
 */
class SparkProfilerTest {

  private static void blobs(Path dir, String name, int seed, boolean vignette) throws Exception {
    int w = 96;
    float[] dna = new float[w * w];
    float[] body = new float[w * w];
    int[][] centres = {{24, 24}, {70, 30}, {40, 72}};
    for (int k = 0; k < centres.length; k++) {
      for (int y = 0; y < w; y++) {
        for (int x = 0; x < w; x++) {
          double d = Math.hypot(x - centres[k][0] - seed, y - centres[k][1]);
          if (d <= 6 + k) {
            dna[y * w + x] = 0.5f + 0.05f * k + 0.01f * ((x * 7 + y * 3 + seed) % 5);
          }
          if (d <= 14) {
            body[y * w + x] = Math.max(body[y * w + x], 0.3f + 0.01f * ((x + 2 * y + seed) % 9));
          }
        }
      }
    }
    if (vignette) {
      // an uneven illumination (brighter to the right) over a dim background, for the plate functions to correct
      for (int y = 0; y < w; y++) {
        for (int x = 0; x < w; x++) {
          float gain = 0.7f + 0.6f * x / (w - 1);
          dna[y * w + x] = (dna[y * w + x] + 0.03f) * gain;
          body[y * w + x] = (body[y * w + x] + 0.03f) * gain;
        }
      }
    }
    Tiff16.write(dir.resolve(name + "_dna.tiff"), new FloatImage(w, w, dna));
    Tiff16.write(dir.resolve(name + "_body.tiff"), new FloatImage(w, w, body));
    Tiff16.write(dir.resolve(name + "_ph3.tiff"), new FloatImage(w, w, dna.clone()));
  }

  private static List<SiteSource> sites(Path dir, boolean vignette) throws Exception {
    List<SiteSource> sites = new ArrayList<>();
    String[][] layout = {{"P1", "A01"}, {"P1", "A01"}, {"P1", "B02"}, {"P2", "A01"}, {"P2", "C03"}, {"P2", "C03"}};
    for (int i = 0; i < layout.length; i++) {
      String name = "s" + i;
      blobs(dir, name, i, vignette);
      sites.add(new SiteSource(i + 1, Map.of("Plate", layout[i][0], "Well", layout[i][1], "Site", Integer.toString(i)),
          Map.of("DNA", dir.resolve(name + "_dna.tiff"), "PH3", dir.resolve(name + "_ph3.tiff"), "cellbody", dir.resolve(name + "_body.tiff"))));
    }
    return sites;
  }

  private static SparkSession session() {
    return SparkSession.builder().master("local[2]").appName("test")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false").getOrCreate();
  }

  @Test
  void localModeGivesTheSingleMachineCellsExactly(@TempDir Path dir) throws Exception {
    List<SiteSource> sites = sites(dir, false);
    ProfileSettings settings = ProfileSettings.exampleHuman().withIllumination(ProfileSettings.IlluminationMode.NONE);
    Path single = dir.resolve("single");
    PlateProfiler.run(sites, settings, new PlateProfiler.Options(single, false, false, 1, null));
    Table expected = ParquetProfiles.read(ParquetProfiles.write(single, single).get(0));
    assertEquals(18, expected.rowCount(), "three cells per site");

    Path out = dir.resolve("spark");
    try (SparkSession spark = session()) {
      long n = SparkProfiler.run(spark, sites, settings, out);
      assertEquals(18, n);
      assertSameCells(spark, out, expected);
    }
  }

  /**
   * Issue 12, item 4: with CPJUMP1's plate illumination correction, the functions are computed
   * once per plate (one Spark task per plate, as the single-machine profile computes them) and
   * each executor reads a plate's functions once, not once per site; the cells equal the
   * single-machine profile's. The computed functions of these small images are flat (CPJUMP1's
   * median filter spans the whole image), so functions with a gradient are also given as a folder
   * (as the Cell Painting Gallery ships them): the cells change, and still equal the
   * single-machine profile's with the same functions.
   */
  @Test
  void plateIlluminationIsReadOncePerPlateAndGivesTheSingleMachineCells(@TempDir Path dir) throws Exception {
    List<SiteSource> sites = sites(dir, true);
    ProfileSettings settings = ProfileSettings.exampleHuman().withIllumination(ProfileSettings.IlluminationMode.PLATE_REGULAR);
    Path single = dir.resolve("single");
    PlateProfiler.run(sites, settings, new PlateProfiler.Options(single, false, false, 1, null));
    Table computed = ParquetProfiles.read(ParquetProfiles.write(single, single).get(0));

    Path given = Files.createDirectories(dir.resolve("given"));
    Map<String, Map<String, FloatImage>> known = new java.util.LinkedHashMap<>();
    for (String plate : List.of("P1", "P2")) {
      for (String name : settings.requiredImages()) {
        float[] f = new float[96 * 96];
        for (int k = 0; k < f.length; k++) {
          f[k] = 1f + (k % 96) / 95f * (plate.equals("P1") ? 0.8f : 0.5f); // brighter to the right, as the vignette
        }
        FloatImage fi = new FloatImage(96, 96, f);
        org.brightpaint.data.io.Npy.write(given.resolve(plate + "_Illum" + name + ".npy"), fi);
        known.computeIfAbsent(plate, k -> new java.util.LinkedHashMap<>()).put(name, fi);
      }
    }
    Path withGiven = dir.resolve("single-given");
    PlateProfiler.run(sites, settings, new PlateProfiler.Options(withGiven, false, false, 1, null), known);
    Table corrected = ParquetProfiles.read(ParquetProfiles.write(withGiven, withGiven).get(0));
    Path none = dir.resolve("none");
    PlateProfiler.run(sites, settings.withIllumination(ProfileSettings.IlluminationMode.NONE),
        new PlateProfiler.Options(none, false, false, 1, null));
    Table uncorrected = ParquetProfiles.read(ParquetProfiles.write(none, none).get(0));
    boolean differs = corrected.rowCount() != uncorrected.rowCount() || corrected.columnNames().stream()
        .filter(n -> corrected.column(n) instanceof tech.tablesaw.api.DoubleColumn && uncorrected.containsColumn(n))
        .anyMatch(n -> !corrected.doubleColumn(n).asList().equals(uncorrected.doubleColumn(n).asList()));
    assertTrue(differs, "the given functions change the cells (else the comparison would not test them)");

    ExecutorIllumination.clear();
    try (SparkSession spark = session()) {
      Path out = dir.resolve("spark");
      SparkProfiler.run(spark, sites, settings, out);
      assertEquals(2 * 3, ExecutorIllumination.reads(), "2 plates x 3 images, each read once for the 6 site tasks");
      try (var f = Files.list(dir.resolve("spark-illum"))) {
        assertEquals(List.of("P1_IllumDNA.npy", "P1_IllumPH3.npy", "P1_Illumcellbody.npy", "P2_IllumDNA.npy", "P2_IllumPH3.npy",
            "P2_Illumcellbody.npy"), f.map(p -> p.getFileName().toString()).sorted().toList());
      }
      assertSameCells(spark, out, computed);

      Path again = dir.resolve("spark-given");
      SparkProfiler.run(spark, sites, settings, again, given);
      assertEquals(2 * 3 * 2, ExecutorIllumination.reads(), "and the given folder's 6 functions, each read once");
      assertSameCells(spark, again, corrected);
    } finally {
      ExecutorIllumination.clear();
    }
  }

  private static void assertSameCells(SparkSession spark, Path out, Table expected) {
    assertTrue(Files.exists(out.resolve("_SUCCESS")));
    assertTrue(Files.isDirectory(out.resolve("Metadata_Plate=P1")) && Files.isDirectory(out.resolve("Metadata_Plate=P2")));
    List<Row> rows = spark.read().parquet(out.toString())
        .orderBy("Metadata_ImageNumber", "Metadata_ObjectNumber").collectAsList();
    String[] names = spark.read().parquet(out.toString()).schema().fieldNames();
    assertEquals(expected.rowCount(), rows.size());
    assertEquals(expected.columnCount(), names.length);
    assertEquals(new java.util.HashSet<>(expected.columnNames()), new java.util.HashSet<>(List.of(names)));
    int compared = 0;
    for (int r = 0; r < rows.size(); r++) {
      Row row = rows.get(r);
      for (int c = 0; c < names.length; c++) {
        var col = expected.column(names[c]);
        Object got = row.get(c);
        if (col instanceof tech.tablesaw.api.DoubleColumn d) {
          double e = d.getDouble(r);
          assertEquals(Double.doubleToLongBits(e), Double.doubleToLongBits((Double) got), names[c] + " row " + r);
        } else if (col instanceof tech.tablesaw.api.LongColumn l) {
          assertEquals(l.getLong(r), ((Number) got).longValue(), names[c] + " row " + r);
        } else {
          assertEquals(col.getString(r), got, names[c] + " row " + r);
        }
        compared++;
      }
    }
    assertEquals(expected.rowCount() * expected.columnCount(), compared);
  }
}
