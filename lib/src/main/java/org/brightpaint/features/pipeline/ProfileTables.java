package org.brightpaint.features.pipeline;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.brightpaint.data.Channel;
import org.brightpaint.features.FeatureSet;
import org.brightpaint.features.Tables;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * CellProfiler-shaped tables of one site: an Image table (ImageNumber, Metadata_*, Count_*,
 * Threshold_*) and one table per compartment (ImageNumber, ObjectNumber, Metadata_*, then every
 * feature as {@code <Compartment>_<feature>}, e.g. {@code Cells_Granularity_16_DNA},
 * {@code Nuclei_Parent_...}). Undefined values are NaN (see the README's non-finite convention).
 *
 * @param image the one-row image table
 * @param compartments one table per compartment, one row per object
 */
public record ProfileTables(Table image, Map<Compartment, Table> compartments) {

  /**
   * Builds the tables of one site.
   *
   * @param profile the site's measurements
   * @return the tables
   */
  public static ProfileTables of(SiteProfile profile) {
    SiteImages site = profile.site();
    List<Column<?>> imageCols = new ArrayList<>();
    imageCols.add(IntColumn.create("ImageNumber", new int[] {site.imageNumber()}));
    site.metadata().forEach((k, v) -> imageCols.add(StringColumn.create("Metadata_" + k, List.of(v))));
    profile.imageMeasurements().forEach((k, v) -> imageCols.add(DoubleColumn.create(k, new double[] {v})));
    Table image = Tables.of("Image", imageCols);
    Map<Compartment, Table> tables = new EnumMap<>(Compartment.class);
    for (Map.Entry<Compartment, FeatureSet> e : profile.features().entrySet()) {
      Compartment c = e.getKey();
      FeatureSet f = e.getValue();
      int n = f.objectCount();
      List<Column<?>> cols = new ArrayList<>();
      int[] imgNo = new int[n];
      int[] objNo = new int[n];
      for (int i = 0; i < n; i++) {
        imgNo[i] = site.imageNumber();
        objNo[i] = i + 1;
      }
      cols.add(IntColumn.create("ImageNumber", imgNo));
      cols.add(IntColumn.create("ObjectNumber", objNo));
      site.metadata().forEach((k, v) -> cols.add(StringColumn.create("Metadata_" + k, java.util.Collections.nCopies(n, v))));
      f.columns().forEach((name, values) -> cols.add(DoubleColumn.create(c.cpName() + "_" + name, values)));
      tables.put(c, Tables.of(c.cpName(), cols));
    }
    return new ProfileTables(image, tables);
  }

  /**
   * Feature columns (those named {@code <Compartment>_...}) of a compartment table.
   *
   * @param table a compartment table
   * @param c its compartment
   * @return the feature column names in order
   */
  public static List<String> featureColumns(Table table, Compartment c) {
    List<String> out = new ArrayList<>();
    for (String name : table.columnNames()) {
      if (name.startsWith(c.cpName() + "_")) {
        out.add(name);
      }
    }
    return out;
  }

  /**
   * A summary of a wide CellProfiler table (issue 10: notebook 08 printed the 871-column Image
   * table): one row per measurement family x channel with the number of columns, the first such
   * column and its value in the first row. The family is the first name token after the optional
   * {@code <Compartment>_} prefix ({@code Texture}, {@code Intensity}, {@code Granularity},
   * {@code Count}, {@code Metadata}, ...); the channel is the first token that names a
   * {@link Channel} ({@code -} when none, e.g. {@code AreaShape}; a correlation of two channels is
   * grouped under its first). Rows in first-appearance order; the counts sum to the column count.
   * The table's name states its shape: {@code "<name>: <rows> rows x <columns> columns"}.
   *
   * @param table any profile table (Image or a compartment)
   * @return columns family, channel, columns, example column, example value (NaN for text columns
   *     or an empty table)
   */
  public static Table columnSummary(Table table) {
    java.util.Set<String> channels = new java.util.HashSet<>();
    for (Channel c : Channel.values()) {
      channels.add(c.cpName());
    }
    Map<String, int[]> counts = new java.util.LinkedHashMap<>();
    Map<String, String> first = new java.util.HashMap<>();
    for (String name : table.columnNames()) {
      String rest = name;
      for (Compartment c : Compartment.values()) {
        if (rest.startsWith(c.cpName() + "_")) {
          rest = rest.substring(c.cpName().length() + 1);
          break;
        }
      }
      String[] tokens = rest.split("_");
      String channel = "-";
      for (int t = 1; t < tokens.length; t++) {
        if (channels.contains(tokens[t])) {
          channel = tokens[t];
          break;
        }
      }
      String key = tokens[0] + "|" + channel;
      counts.computeIfAbsent(key, k -> new int[1])[0]++;
      first.putIfAbsent(key, name);
    }
    StringColumn family = StringColumn.create("family");
    StringColumn channel = StringColumn.create("channel");
    IntColumn n = IntColumn.create("columns");
    StringColumn example = StringColumn.create("example column");
    DoubleColumn value = DoubleColumn.create("example value (row 1)");
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      String[] k = e.getKey().split("\\|");
      family.append(k[0]);
      channel.append(k[1]);
      n.append(e.getValue()[0]);
      String col = first.get(e.getKey());
      example.append(col);
      Column<?> c = table.column(col);
      value.append(table.rowCount() > 0 && c instanceof tech.tablesaw.api.NumericColumn<?> num
          ? num.getDouble(0) : Double.NaN);
    }
    return Table.create(table.name() + ": " + table.rowCount() + " rows x " + table.columnCount() + " columns",
        family, channel, n, example, value);
  }
}
