package org.brightpaint.data.synthetic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.brightpaint.data.io.ImageReader;
import org.brightpaint.data.PlateFolder;
import org.brightpaint.data.Site;
import org.brightpaint.data.io.Csv;
import org.brightpaint.data.io.Tiff16;
import org.brightpaint.image.FloatImage;
import org.brightpaint.image.LabelImage;

/**
 * Reads the ground truth of a synthetic plate: nuclei and cell label images per site, and the
 * per-cell phenotype table {@code ground_truth/cells.csv}. The nucleus of cell k has label k in
 * the nuclei image (a binucleated cell's two lobes share it).
 */
public final class GroundTruth {

  /** The per-cell table's file name. */
  public static final String CELLS = "cells.csv";

  private GroundTruth() {}

  /** @return the cells.csv header: identifiers, then one column per {@link Trait} */
  public static String header() {
    List<String> h = new ArrayList<>(List.of("plate", "well", "site", "label", "cell_line", "broad_sample",
        "pert_iname", "moa_group", "response", "center_x", "center_y", "nucleus_area_px", "cell_area_px",
        "nucleus_count", "nucleoli_count"));
    for (Trait t : Trait.values()) {
      h.add(t.column());
    }
    return String.join(",", h);
  }

  /**
   * @param plate a synthetic plate
   * @param site one of its sites
   * @return the nuclei label image
   */
  public static LabelImage nuclei(PlateFolder plate, Site site) {
    return labels(file(plate, site, "nuclei"));
  }

  /**
   * @param plate a synthetic plate
   * @param site one of its sites
   * @return the cell label image
   */
  public static LabelImage cells(PlateFolder plate, Site site) {
    return labels(file(plate, site, "cells"));
  }

  /**
   * @param plate a synthetic plate
   * @return the per-cell table of the plate
   */
  public static Csv cellTable(PlateFolder plate) {
    return Csv.read(plate.dir().resolve("ground_truth").resolve(CELLS));
  }

  private static Path file(PlateFolder plate, Site site, String kind) {
    return plate.dir().resolve("ground_truth").resolve(String.format("r%02dc%02df%02d-%s.tiff", site.well().row(),
        site.well().column(), site.field(), kind));
  }

  private static LabelImage labels(Path f) {
    FloatImage img = ImageReader.read(f).pixels();
    int[] l = new int[img.pixels().length];
    for (int i = 0; i < l.length; i++) {
      l[i] = (int) img.pixels()[i];
    }
    return LabelImage.of(img.width(), img.height(), l);
  }
}
