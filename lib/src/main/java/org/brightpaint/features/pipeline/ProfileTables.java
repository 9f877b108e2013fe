package org.brightpaint.features.pipeline;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.brightpaint.features.FeatureSet;
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
    Table image = Table.create("Image");
    image.addColumns(IntColumn.create("ImageNumber", new int[] {site.imageNumber()}));
    site.metadata().forEach((k, v) -> image.addColumns(StringColumn.create("Metadata_" + k, List.of(v))));
    profile.imageMeasurements().forEach((k, v) -> image.addColumns(DoubleColumn.create(k, new double[] {v})));
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
      Table t = Table.create(c.cpName());
      t.addColumns(cols.toArray(new Column<?>[0]));
      tables.put(c, t);
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
}
