package org.brightpaint.features.pipeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.brightpaint.features.Tables;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Single-cell and per-well profiles as Parquet, in the layout CytoTable's {@code cellprofiler_csv}
 * preset produces and pycytominer reads ({@code cytotable/presets.py}, CONFIG_JOINS): one row per
 * cell, the Cytoplasm table left-joined with Cells on
 * {@code (ImageNumber, Cytoplasm_Parent_Cells) = (ImageNumber, ObjectNumber)} and with Nuclei on
 * {@code (ImageNumber, Cytoplasm_Parent_Nuclei) = (ImageNumber, ObjectNumber)}.
 *
 * <p>Columns of {@code SingleCells.parquet}: {@code Metadata_ImageNumber} (BIGINT), the site's
 * {@code Metadata_*} (VARCHAR: Plate, Well, Site, ...), {@code Metadata_ObjectNumber} (the
 * cytoplasm's), {@code Metadata_ObjectNumber_cells}, {@code Metadata_ObjectNumber_nuclei}, every
 * relationship column as {@code Metadata_<Compartment>_Parent_<Parent>} (BIGINT, as CytoTable
 * renames its identifying columns), then the features {@code Cells_*}, {@code Cytoplasm_*},
 * {@code Nuclei_*} (DOUBLE, NaN where CellProfiler writes NaN), rows ordered by image then
 * object. {@code Wells.parquet} holds the per-well medians of {@code Wells.csv}.
 *
 * <p>The files are made from the CSV files {@link PlateProfiler} wrote, by DuckDB
 * ({@code org.duckdb:duckdb_jdbc}) with explicit column types (no type guessing) and a memory
 * limit ({@link #MEMORY_LIMIT}; larger joins spill to a temporary folder beside the output), so
 * a plate of any size converts in bounded memory. An empty CSV field stays an empty string (the
 * null marker is a control character the CSV writer never writes), so no value becomes NULL. Each file is written under a hidden temporary
 * name and renamed into place. Users can query them with SQL, e.g.
 * {@code duckdb -c "SELECT Metadata_Well, median(Cells_AreaShape_Area) FROM 'SingleCells.parquet'
 * GROUP BY 1"}.
 */
public final class ParquetProfiles {

  /** The joined single-cell file. */
  public static final String SINGLE_CELLS = "SingleCells.parquet";

  /** The per-well file. */
  public static final String WELLS = "Wells.parquet";

  /** DuckDB's memory limit while converting. */
  public static final String MEMORY_LIMIT = "512MB";

  private ParquetProfiles() {}

  /**
   * Writes {@code SingleCells.parquet} (and {@code Wells.parquet} when {@code Wells.csv} exists)
   * from the CSV files of a profiling run.
   *
   * @param csvDir the folder with Nuclei.csv, Cells.csv, Cytoplasm.csv (or .csv.gz), Wells.csv
   * @param outDir where the Parquet files go (created if absent)
   * @return the files written
   * @throws IOException naming the file that is missing or cannot be converted
   */
  public static List<Path> write(Path csvDir, Path outDir) throws IOException {
    Files.createDirectories(outDir);
    Map<Compartment, Path> csv = new LinkedHashMap<>();
    for (Compartment c : List.of(Compartment.CYTOPLASM, Compartment.CELLS, Compartment.NUCLEI)) {
      csv.put(c, find(csvDir, c.cpName()));
      if (csv.get(c) == null) {
        throw new IOException("No " + c.cpName() + ".csv in " + csvDir + ": run brightpaint profile there first");
      }
    }
    Map<Compartment, List<String>> headers = new LinkedHashMap<>();
    for (Map.Entry<Compartment, Path> e : csv.entrySet()) {
      headers.put(e.getKey(), header(e.getValue()));
    }
    List<Path> out = new ArrayList<>();
    Path tmpDir = Files.createTempDirectory(outDir, ".duckdb-");
    try (Connection db = connect(tmpDir); Statement st = db.createStatement()) {
      for (Compartment c : csv.keySet()) {
        st.execute("CREATE VIEW " + c.cpName() + " AS SELECT * FROM read_csv(" + quote(csv.get(c).toString())
            + ", header = true, auto_detect = false, nullstr = '\u0001', columns = " + types(headers.get(c)) + ")");
      }
      out.add(copy(st, singleCellQuery(headers), outDir.resolve(SINGLE_CELLS)));
      Path wells = find(csvDir, "Wells");
      if (wells != null) {
        List<String> h = header(wells);
        out.add(copy(st, "SELECT * FROM read_csv(" + quote(wells.toString())
            + ", header = true, auto_detect = false, nullstr = '\u0001', columns = " + types(h) + ")", outDir.resolve(WELLS)));
      }
    } catch (SQLException e) {
      throw new IOException("Converting the profiles in " + csvDir + " to Parquet: " + e.getMessage(), e);
    } finally {
      deleteTree(tmpDir);
    }
    return out;
  }

  /**
   * Reads a Parquet profile file into a table: BIGINT and INTEGER columns as long columns, other
   * numbers as double columns (NULL as NaN), text as string columns.
   *
   * @param file a Parquet file (e.g. {@code SingleCells.parquet})
   * @return its rows in file order
   * @throws IOException naming the file when it cannot be read
   */
  public static Table read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException("No Parquet file " + file);
    }
    Path tmpDir = Files.createTempDirectory("brightpaint-duckdb-");
    try (Connection db = connect(tmpDir); Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM read_parquet(" + quote(file.toString()) + ")")) {
      ResultSetMetaData md = rs.getMetaData();
      int n = md.getColumnCount();
      List<Column<?>> cols = new ArrayList<>();
      int[] kind = new int[n];
      for (int i = 0; i < n; i++) {
        String name = md.getColumnName(i + 1);
        int t = md.getColumnType(i + 1);
        if (t == Types.BIGINT || t == Types.INTEGER || t == Types.SMALLINT || t == Types.TINYINT) {
          kind[i] = 0;
          cols.add(LongColumn.create(name));
        } else if (t == Types.DOUBLE || t == Types.FLOAT || t == Types.REAL || t == Types.DECIMAL || t == Types.NUMERIC) {
          kind[i] = 1;
          cols.add(DoubleColumn.create(name));
        } else {
          kind[i] = 2;
          cols.add(StringColumn.create(name));
        }
      }
      while (rs.next()) {
        for (int i = 0; i < n; i++) {
          switch (kind[i]) {
            case 0 -> {
              long v = rs.getLong(i + 1);
              if (rs.wasNull()) {
                ((LongColumn) cols.get(i)).appendMissing();
              } else {
                ((LongColumn) cols.get(i)).append(v);
              }
            }
            case 1 -> {
              double v = rs.getDouble(i + 1);
              ((DoubleColumn) cols.get(i)).append(rs.wasNull() ? Double.NaN : v);
            }
            default -> ((StringColumn) cols.get(i)).append(rs.getString(i + 1));
          }
        }
      }
      return Tables.of(file.getFileName().toString().replaceAll("\\.parquet$", ""), cols);
    } catch (SQLException e) {
      throw new IOException("Reading " + file + ": " + e.getMessage(), e);
    } finally {
      deleteTree(tmpDir);
    }
  }

  /** The CytoTable join: cytoplasm rows, their cell and their nucleus. */
  static String singleCellQuery(Map<Compartment, List<String>> headers) {
    List<String> select = new ArrayList<>();
    select.add("cy.ImageNumber AS Metadata_ImageNumber");
    for (String h : headers.get(Compartment.CYTOPLASM)) {
      if (h.startsWith("Metadata_")) {
        select.add("cy." + ident(h));
      }
    }
    select.add("cy.ObjectNumber AS Metadata_ObjectNumber");
    select.add("ce.ObjectNumber AS Metadata_ObjectNumber_cells");
    select.add("nu.ObjectNumber AS Metadata_ObjectNumber_nuclei");
    Map<Compartment, String> alias = Map.of(Compartment.CYTOPLASM, "cy", Compartment.CELLS, "ce", Compartment.NUCLEI, "nu");
    List<Compartment> featureOrder = List.of(Compartment.CELLS, Compartment.CYTOPLASM, Compartment.NUCLEI);
    for (Compartment c : featureOrder) {
      for (String h : headers.get(c)) {
        if (isParent(c, h)) {
          select.add("CAST(" + alias.get(c) + "." + ident(h) + " AS BIGINT) AS " + ident("Metadata_" + h));
        }
      }
    }
    for (Compartment c : featureOrder) {
      for (String h : headers.get(c)) {
        if (h.startsWith(c.cpName() + "_") && !isParent(c, h)) {
          select.add(alias.get(c) + "." + ident(h));
        }
      }
    }
    String parentCells = ident(Compartment.CYTOPLASM.cpName() + "_Parent_" + Compartment.CELLS.cpName());
    String parentNuclei = ident(Compartment.CYTOPLASM.cpName() + "_Parent_" + Compartment.NUCLEI.cpName());
    for (String required : List.of(parentCells, parentNuclei)) {
      if (!headers.get(Compartment.CYTOPLASM).contains(required.replace("\"", ""))) {
        throw new IllegalArgumentException("Cytoplasm.csv has no " + required.replace("\"", "")
            + " column: cannot join the compartments");
      }
    }
    return "SELECT " + String.join(", ", select)
        + " FROM Cytoplasm cy"
        + " LEFT JOIN Cells ce ON ce.ImageNumber = cy.ImageNumber AND CAST(ce.ObjectNumber AS DOUBLE) = cy." + parentCells
        + " LEFT JOIN Nuclei nu ON nu.ImageNumber = cy.ImageNumber AND CAST(nu.ObjectNumber AS DOUBLE) = cy." + parentNuclei
        + " ORDER BY cy.ImageNumber, cy.ObjectNumber";
  }

  private static boolean isParent(Compartment c, String column) {
    return column.startsWith(c.cpName() + "_Parent_");
  }

  /** DuckDB column types of a profile CSV header: ids BIGINT, metadata VARCHAR, the rest DOUBLE. */
  private static String types(List<String> header) {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < header.size(); i++) {
      String h = header.get(i);
      String type = h.equals("ImageNumber") || h.equals("ObjectNumber") ? "BIGINT" : h.startsWith("Metadata_") ? "VARCHAR" : "DOUBLE";
      sb.append(i > 0 ? ", " : "").append(quote(h)).append(": '").append(type).append("'");
    }
    return sb.append("}").toString();
  }

  private static Path copy(Statement st, String query, Path target) throws SQLException, IOException {
    Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    try {
      st.execute("COPY (" + query + ") TO " + quote(tmp.toString()) + " (FORMAT parquet, COMPRESSION zstd)");
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return target;
  }

  private static Connection connect(Path tmpDir) throws IOException {
    try {
      Class.forName("org.duckdb.DuckDBDriver");
      Connection db = DriverManager.getConnection("jdbc:duckdb:");
      try (Statement st = db.createStatement()) {
        st.execute("SET memory_limit = '" + MEMORY_LIMIT + "'");
        st.execute("SET temp_directory = " + quote(tmpDir.toString()));
        st.execute("SET threads = 2");
        st.execute("SET preserve_insertion_order = true");
      }
      return db;
    } catch (ClassNotFoundException | SQLException e) {
      throw new IOException("Cannot start DuckDB: " + e.getMessage(), e);
    }
  }

  private static Path find(Path dir, String stem) {
    for (String ext : List.of(".csv", ".csv.gz")) {
      Path p = dir.resolve(stem + ext);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }

  private static List<String> header(Path csv) throws IOException {
    InputStream in = Files.newInputStream(csv);
    if (csv.getFileName().toString().endsWith(".gz")) {
      in = new GZIPInputStream(in);
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line = r.readLine();
      if (line == null || line.isEmpty()) {
        throw new IOException(csv + " is empty: no header");
      }
      return List.of(line.split(",", -1));
    }
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  private static String ident(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }

  private static void deleteTree(Path dir) {
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException ignored) {
          // a temporary file DuckDB still holds: left for the OS
        }
      });
    } catch (IOException ignored) {
      // nothing to delete
    }
  }
}
