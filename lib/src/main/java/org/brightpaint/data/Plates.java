package org.brightpaint.data;

import java.util.ArrayList;
import java.util.List;
import org.brightpaint.data.io.Csv;

/** The benchmark's eight CPJUMP1 compound plates (seed paper, Table 1; {@code data-manifests/plates.csv}). */
public final class Plates {

  private Plates() {}

  private static final class Holder {
    static final List<Plate> BENCHMARK = fromCsv(DataManifests.embedded(DataManifests.PLATES));
  }

  /** @return the eight plates in barcode order: four A549, then four U2OS */
  public static List<Plate> benchmark() {
    return Holder.BENCHMARK;
  }

  /**
   * One benchmark plate.
   *
   * @param barcode e.g. "BR00116991"
   * @return the plate
   * @throws IllegalArgumentException naming the barcode when it is not one of the eight
   */
  public static Plate byBarcode(String barcode) {
    return benchmark().stream().filter(p -> p.barcode().equals(barcode.trim())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown plate '" + barcode + "': the benchmark plates are "
            + benchmark().stream().map(Plate::barcode).toList()));
  }

  /**
   * The benchmark plates of a cell line and/or split.
   *
   * @param cellLine the cell line, or null for both
   * @param split the split, or null for all
   * @return the matching plates
   */
  public static List<Plate> select(CellLine cellLine, Split split) {
    return benchmark().stream()
        .filter(p -> cellLine == null || p.cellLine() == cellLine)
        .filter(p -> split == null || p.split() == split).toList();
  }

  /**
   * Reads a {@code plates.csv} table (barcode, cell_line, split, image_count, s3_prefix).
   *
   * @param csv the table
   * @return the plates
   */
  public static List<Plate> fromCsv(Csv csv) {
    List<Plate> out = new ArrayList<>();
    for (var r : csv.records()) {
      out.add(new Plate(r.get("barcode"), CellLine.parse(r.get("cell_line")), Split.parse(r.get("split")),
          Integer.parseInt(r.get("image_count")), r.get("s3_prefix")));
    }
    return List.copyOf(out);
  }

  /**
   * Writes plates as the {@code plates.csv} table.
   *
   * @param plates the plates
   * @return the table
   */
  public static Csv toCsv(List<Plate> plates) {
    List<List<String>> rows = new ArrayList<>();
    for (Plate p : plates) {
      rows.add(List.of(p.barcode(), p.cellLine().name(), p.split().label(), Integer.toString(p.imageCount()), p.s3Prefix()));
    }
    return new Csv(List.of("barcode", "cell_line", "split", "image_count", "s3_prefix"), rows);
  }
}
