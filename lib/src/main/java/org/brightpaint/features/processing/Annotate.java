package org.brightpaint.features.processing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.brightpaint.data.Perturbation;
import org.brightpaint.data.PlateMap;
import org.brightpaint.data.Well;
import org.brightpaint.features.Tables;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * pycytominer's {@code annotate(profiles, platemap, join_on=["Metadata_well_position",
 * "Metadata_Well"])}: each profile gains its well's perturbation from the plate map, as metadata
 * columns placed before the features: {@code Metadata_broad_sample} (empty for DMSO),
 * {@code Metadata_pert_iname}, {@code Metadata_moa} (the {@code moa_list} terms joined by
 * {@code |}) and {@code Metadata_moa_group} (the benchmark's MoA group label, e.g.
 * {@code Kinase}, {@code Control}). Plate maps come from {@link PlateMap} (the JUMP-Target-1
 * compound plate map of {@code /work/shared/reference/jump} is {@link PlateMap#jumpTarget1()}).
 *
 * <p>Unlike pandas' left merge, a well the plate map does not list is an error, never a row
 * with empty annotations.
 */
public final class Annotate {

  /** The columns added, in order. */
  public static final List<String> COLUMNS =
      List.of("Metadata_broad_sample", "Metadata_pert_iname", "Metadata_moa", "Metadata_moa_group");

  private Annotate() {}

  /**
   * Annotates with one plate map for every plate.
   *
   * @param profiles profiles with a Metadata_Well column
   * @param map the plate map
   * @return metadata, the four annotation columns, then the other columns
   */
  public static Table platemap(Table profiles, PlateMap map) {
    return platemap(profiles, plate -> map);
  }

  /**
   * Annotates with each plate's own plate map.
   *
   * @param profiles profiles with Metadata_Plate and Metadata_Well columns
   * @param mapOfPlate the plate map of a Metadata_Plate value (null when unknown: an error)
   * @return metadata, the four annotation columns, then the other columns
   * @throws IllegalArgumentException naming the plate or well that cannot be annotated
   */
  public static Table platemap(Table profiles, Function<String, PlateMap> mapOfPlate) {
    if (!profiles.columnNames().contains("Metadata_Well")) {
      throw new IllegalArgumentException("Table " + profiles.name() + " has no Metadata_Well column to annotate");
    }
    for (String c : COLUMNS) {
      if (profiles.columnNames().contains(c)) {
        throw new IllegalArgumentException("Table " + profiles.name() + " is already annotated (has " + c + ")");
      }
    }
    boolean byPlate = profiles.columnNames().contains("Metadata_Plate");
    List<StringColumn> added = COLUMNS.stream().map(StringColumn::create).toList();
    for (int r = 0; r < profiles.rowCount(); r++) {
      String plate = byPlate ? profiles.column("Metadata_Plate").getString(r) : "";
      PlateMap map = mapOfPlate.apply(plate);
      if (map == null) {
        throw new IllegalArgumentException("No plate map for plate " + plate + ": give one for every plate");
      }
      String wellName = profiles.column("Metadata_Well").getString(r);
      Perturbation p;
      try {
        p = map.perturbation(Well.parse(wellName));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Plate " + plate + " well " + wellName + ": " + e.getMessage(), e);
      }
      added.get(0).append(p.broadSample());
      added.get(1).append(p.pertIname());
      added.get(2).append(p.moaList());
      added.get(3).append(p.group().label());
    }
    List<Column<?>> cols = new ArrayList<>();
    for (String m : ProfileColumns.metadata(profiles)) {
      cols.add(profiles.column(m));
    }
    cols.addAll(added);
    for (Column<?> c : profiles.columns()) {
      if (!c.name().startsWith(ProfileColumns.METADATA_PREFIX)) {
        cols.add(c);
      }
    }
    return Tables.of(profiles.name(), cols);
  }
}
