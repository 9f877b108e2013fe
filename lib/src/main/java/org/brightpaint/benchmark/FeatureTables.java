package org.brightpaint.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.brightpaint.data.MoaGroup;
import org.brightpaint.data.PlateMap;
import org.brightpaint.data.Well;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Reads a profile folder ({@code Cells.csv}, {@code Cytoplasm.csv}, {@code Nuclei.csv} written
 * by the features pipeline) into one per-cell table: the Cells table with the Cytoplasm and
 * Nuclei feature columns appended (object i of every compartment belongs to nucleus i, checked
 * row by row on image and object number), plus {@value #LABEL} from the JUMP-Target-1 plate map
 * and {@value #COMPOUND} (for leave-compound-out cross-validation) via {@code Metadata_Well}.
 */
public final class FeatureTables {
  /** The MoA-group label column added to the per-cell table. */
  public static final String LABEL = "Metadata_MoaGroup";
  /** The compound column added to the per-cell table (pert_iname; "DMSO" for controls). */
  public static final String COMPOUND = "Metadata_Compound";
  /** The columns identifying an image. */
  public static final List<String> IMAGE_KEYS = List.of("Metadata_Plate", "Metadata_Well", "Metadata_Site");

  private FeatureTables() {}

  /**
   * @param profileDir a folder with the three compartment CSVs
   * @param onlyTaskGroups keep only cells of the six MoA-task groups (drops "None")
   * @return the per-cell table
   * @throws IOException when a CSV cannot be read
   * @throws IllegalArgumentException naming the file when the compartments do not line up
   */
  public static Table read(Path profileDir, boolean onlyTaskGroups) throws IOException {
    Table cells = csv(profileDir.resolve("Cells.csv"));
    for (String other : List.of("Cytoplasm", "Nuclei")) {
      Table t = csv(profileDir.resolve(other + ".csv"));
      if (t.rowCount() != cells.rowCount()) {
        throw new IllegalArgumentException(profileDir.resolve(other + ".csv") + " has " + t.rowCount() + " objects, Cells.csv "
            + cells.rowCount() + ": compartments do not line up");
      }
      for (int r = 0; r < t.rowCount(); r++) {
        if (!t.getString(r, "ImageNumber").equals(cells.getString(r, "ImageNumber"))
            || !t.getString(r, "ObjectNumber").equals(cells.getString(r, "ObjectNumber"))) {
          throw new IllegalArgumentException(other + ".csv row " + (r + 1) + " is not the same object as Cells.csv row " + (r + 1));
        }
      }
      for (String c : t.columnNames()) {
        if (c.startsWith(other + "_")) cells.addColumns(t.column(c));
      }
    }
    PlateMap map = PlateMap.jumpTarget1();
    List<String> labels = new ArrayList<>();
    List<String> compounds = new ArrayList<>();
    for (int r = 0; r < cells.rowCount(); r++) {
      var p = map.perturbation(Well.parse(cells.getString(r, "Metadata_Well")));
      labels.add(p.group().label());
      compounds.add(p.pertIname());
    }
    cells.addColumns(StringColumn.create(LABEL, labels), StringColumn.create(COMPOUND, compounds));
    if (onlyTaskGroups) {
      cells = cells.where(cells.stringColumn(LABEL).isNotEqualTo(MoaGroup.NONE.label()));
    }
    return cells;
  }

  private static Table csv(Path file) throws IOException {
    if (!Files.exists(file)) throw new IllegalArgumentException("Missing profile table " + file);
    return Table.read().usingOptions(CsvReadOptions.builder(file.toFile()).maxCharsPerColumn(1 << 16)
        .columnTypesPartial(c -> c.startsWith("Metadata_") ? java.util.Optional.of(tech.tablesaw.api.ColumnType.STRING) : java.util.Optional.empty())
        .build());
  }
}
