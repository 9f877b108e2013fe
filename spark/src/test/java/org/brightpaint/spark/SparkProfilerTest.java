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

  private static void blobs(Path dir, String name, int seed) throws Exception {
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
    Tiff16.write(dir.resolve(name + "_dna.tiff"), new FloatImage(w, w, dna));
    Tiff16.write(dir.resolve(name + "_body.tiff"), new FloatImage(w, w, body));
    Tiff16.write(dir.resolve(name + "_ph3.tiff"), new FloatImage(w, w, dna.clone()));
  }

  @Test
  void localModeGivesTheSingleMachineCellsExactly(@TempDir Path dir) throws Exception {
    List<SiteSource> sites = new ArrayList<>();
    String[][] layout = {{"P1", "A01"}, {"P1", "A01"}, {"P1", "B02"}, {"P2", "A01"}, {"P2", "C03"}, {"P2", "C03"}};
    for (int i = 0; i < layout.length; i++) {
      String name = "s" + i;
      blobs(dir, name, i);
      sites.add(new SiteSource(i + 1, Map.of("Plate", layout[i][0], "Well", layout[i][1], "Site", Integer.toString(i)),
          Map.of("DNA", dir.resolve(name + "_dna.tiff"), "PH3", dir.resolve(name + "_ph3.tiff"), "cellbody", dir.resolve(name + "_body.tiff"))));
    }
    ProfileSettings settings = ProfileSettings.exampleHuman().withIllumination(ProfileSettings.IlluminationMode.NONE);
    Path single = dir.resolve("single");
    PlateProfiler.run(sites, settings, new PlateProfiler.Options(single, false, false, 1, null));
    Table expected = ParquetProfiles.read(ParquetProfiles.write(single, single).get(0));
    assertEquals(18, expected.rowCount(), "three cells per site");

    Path out = dir.resolve("spark");
    try (SparkSession spark = SparkSession.builder().master("local[2]").appName("test")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false").getOrCreate()) {
      long n = SparkProfiler.run(spark, sites, settings, out);
      assertEquals(18, n);
      assertTrue(Files.exists(out.resolve("_SUCCESS")));
      assertTrue(Files.isDirectory(out.resolve("Metadata_Plate=P1")) && Files.isDirectory(out.resolve("Metadata_Plate=P2")));
      List<Row> rows = spark.read().parquet(out.toString())
          .orderBy("Metadata_ImageNumber", "Metadata_ObjectNumber").collectAsList();
      String[] names = spark.read().parquet(out.toString()).schema().fieldNames();
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
      assertEquals(18 * expected.columnCount(), compared);
    }
  }
}
