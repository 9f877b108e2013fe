package org.brightpaint.features.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.brightpaint.features.processing.ProfileColumns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** Parquet profiles read back equal to the CSV files they were made from, cell by cell. */
class ParquetProfilesTest {

  /** Four sites of two wells: blobs at image numbers 1-4, NaN features included. */
  static Path writeCsv(Path dir) throws IOException {
    SiteImages blobs = SiteProfilerTest.blobs();
    List<ProfileTables> sites = new ArrayList<>();
    String[] wells = {"A01", "A01", "B02", "B02"};
    try (ProfileWriter w = new ProfileWriter(dir, false, ProfileWriter.NonFinite.NAN)) {
      for (int i = 0; i < 4; i++) {
        SiteImages s = new SiteImages(i + 1, Map.of("Plate", "P1", "Well", wells[i], "Site", Integer.toString(i + 1), "Batch", ""), blobs.images());
        ProfileTables t = ProfileTables.of(SiteProfiler.profile(s, ProfileSettings.exampleHuman()));
        w.append(t);
        sites.add(t);
      }
    }
    Map<Compartment, Table> all = new EnumMap<>(Compartment.class);
    for (ProfileTables t : sites) {
      t.compartments().forEach((c, tab) -> all.merge(c, tab.copy(), Table::append));
    }
    ProfileWriter.writeTable(WellAggregation.median(all), dir.resolve("Wells.csv"), ProfileWriter.NonFinite.NAN);
    return dir;
  }

  /** A CSV file as header and rows of strings (no quoted commas in these files). */
  private static List<String[]> rows(Path csv) throws IOException {
    List<String[]> out = new ArrayList<>();
    for (String line : Files.readAllLines(csv)) {
      out.add(line.split(",", -1));
    }
    return out;
  }

  private static void assertSameValue(String expected, Table t, int row, String column) {
    var col = t.column(column);
    if (column.startsWith("Metadata_") && col instanceof tech.tablesaw.api.StringColumn sc) {
      assertEquals(expected, sc.get(row), column);
    } else if (col instanceof tech.tablesaw.api.LongColumn lc) {
      assertEquals((long) Double.parseDouble(expected), lc.getLong(row), column);
    } else {
      double e = Double.parseDouble(expected);
      double a = t.doubleColumn(column).getDouble(row);
      assertEquals(Double.doubleToLongBits(e), Double.doubleToLongBits(a), column + " row " + row + ": " + e + " vs " + a);
    }
  }

  @Test
  void singleCellsAndWellsReadBackEqualToTheCsv(@TempDir Path dir) throws IOException {
    writeCsv(dir);
    List<Path> files = ParquetProfiles.write(dir, dir.resolve("parquet"));
    assertEquals(List.of(dir.resolve("parquet/SingleCells.parquet"), dir.resolve("parquet/Wells.parquet")), files);
    Table cells = ParquetProfiles.read(files.get(0));
    Map<Compartment, List<String[]>> csv = new EnumMap<>(Compartment.class);
    for (Compartment c : Compartment.values()) {
      csv.put(c, rows(dir.resolve(c.cpName() + ".csv")));
    }
    List<String[]> cyto = csv.get(Compartment.CYTOPLASM);
    assertEquals(cyto.size() - 1, cells.rowCount(), "one row per cytoplasm");
    assertEquals(8, cells.rowCount());
    // index each compartment's rows by (ImageNumber, ObjectNumber)
    Map<Compartment, Map<String, String[]>> byId = new EnumMap<>(Compartment.class);
    csv.forEach((c, r) -> {
      Map<String, String[]> m = new HashMap<>();
      for (String[] row : r.subList(1, r.size())) {
        m.put(row[0] + "/" + row[1], row);
      }
      byId.put(c, m);
    });
    int checked = 0;
    for (int r = 0; r < cells.rowCount(); r++) {
      long image = cells.longColumn("Metadata_ImageNumber").getLong(r);
      Map<Compartment, String> object = Map.of(
          Compartment.CYTOPLASM, Long.toString(cells.longColumn("Metadata_ObjectNumber").getLong(r)),
          Compartment.CELLS, Long.toString(cells.longColumn("Metadata_Cytoplasm_Parent_Cells").getLong(r)),
          Compartment.NUCLEI, Long.toString(cells.longColumn("Metadata_Cytoplasm_Parent_Nuclei").getLong(r)));
      for (Compartment c : Compartment.values()) {
        String[] header = csv.get(c).get(0);
        String[] row = byId.get(c).get(image + "/" + object.get(c));
        assertTrue(row != null, c + " row of image " + image);
        for (int k = 2; k < header.length; k++) {
          String h = header[k];
          String name = h.startsWith(c.cpName() + "_Parent_") ? "Metadata_" + h : h;
          if (h.startsWith("Metadata_") && c != Compartment.CYTOPLASM) {
            continue; // site metadata appear once, from the cytoplasm table (equal in every table)
          }
          assertSameValue(row[k], cells, r, name);
          checked++;
        }
      }
      assertEquals(cells.longColumn("Metadata_ObjectNumber_cells").getLong(r), cells.longColumn("Metadata_Cytoplasm_Parent_Cells").getLong(r));
    }
    int features = ProfileColumns.features(cells).size();
    assertEquals(features * 8, checked - 8 * (ProfileColumns.metadata(cells).size() - 4), "every feature compared");
    assertTrue(cells.columnNames().subList(0, 4).equals(List.of("Metadata_ImageNumber", "Metadata_Plate", "Metadata_Site", "Metadata_Well"))
        || cells.columnNames().get(0).equals("Metadata_ImageNumber"));
    // per-well medians
    Table wells = ParquetProfiles.read(files.get(1));
    List<String[]> wcsv = rows(dir.resolve("Wells.csv"));
    assertEquals(wcsv.size() - 1, wells.rowCount());
    assertArrayEquals(wcsv.get(0), wells.columnNames().toArray(new String[0]));
    for (int r = 1; r < wcsv.size(); r++) {
      for (int k = 0; k < wcsv.get(0).length; k++) {
        assertSameValue(wcsv.get(r)[k], wells, r - 1, wcsv.get(0)[k]);
      }
    }
  }

  @Test
  void evaluationReadsTheParquetCells(@TempDir Path dir) throws IOException {
    writeCsv(dir);
    Path file = ParquetProfiles.write(dir, dir.resolve("p")).get(0);
    Table cells = org.brightpaint.eval.ProfileFiles.cells(file, org.brightpaint.data.PlateMap.jumpTarget1());
    String a01 = org.brightpaint.data.PlateMap.jumpTarget1().perturbation(org.brightpaint.data.Well.parse("A01")).group().label();
    assertEquals(a01, cells.getString(0, org.brightpaint.eval.ProfileFiles.MOA_LABEL));
    List<String> features = org.brightpaint.eval.MoaPrediction.featureColumns(cells);
    assertTrue(features.contains("Cells_AreaShape_Area") && features.contains("Nuclei_Intensity_MeanIntensity_DNA")
        && features.contains("Cytoplasm_AreaShape_Area"), features.toString());
    assertTrue(features.stream().noneMatch(f -> f.startsWith("Metadata_")), features.toString());
  }

  @Test
  void emptyTextStaysEmptyNotNull(@TempDir Path dir) throws Exception {
    writeCsv(dir);
    Path file = ParquetProfiles.write(dir, dir.resolve("p")).get(0);
    try (var db = java.sql.DriverManager.getConnection("jdbc:duckdb:"); var st = db.createStatement();
        var rs = st.executeQuery("SELECT count(*), count(Metadata_Batch), min(length(Metadata_Batch)) FROM read_parquet('" + file + "')")) {
      rs.next();
      assertEquals(8, rs.getLong(1));
      assertEquals(8, rs.getLong(2), "no NULL metadata");
      assertEquals(0, rs.getLong(3));
    }
  }

  @Test
  void sameInputSameBytes(@TempDir Path dir) throws IOException {
    writeCsv(dir);
    Path a = ParquetProfiles.write(dir, dir.resolve("a")).get(0);
    Path b = ParquetProfiles.write(dir, dir.resolve("b")).get(0);
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    try (var list = Files.list(dir.resolve("a"))) {
      assertEquals(List.of("SingleCells.parquet", "Wells.parquet"), list.map(p -> p.getFileName().toString()).sorted().toList(),
          "no temporary files left");
    }
  }

  @Test
  void missingCompartmentNamesTheFile(@TempDir Path dir) throws IOException {
    writeCsv(dir);
    Files.delete(dir.resolve("Nuclei.csv"));
    IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> ParquetProfiles.write(dir, dir.resolve("p")));
    assertTrue(e.getMessage().contains("Nuclei.csv"), e.getMessage());
  }
}
