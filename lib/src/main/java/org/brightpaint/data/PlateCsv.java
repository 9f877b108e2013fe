package org.brightpaint.data;

import java.nio.file.Files;
import java.nio.file.Path;
import org.brightpaint.data.io.AtomicFiles;

/**
 * Writes a plate's {@code plate.csv} ({@link PlateFolder#PLATE_INFO}), so users need not write it
 * by hand (issue 15, observation 10): one header line and one row,
 * <pre>
 * barcode,cell_line,split
 * BR00116991,U2OS,train
 * </pre>
 * with the barcode taken from the folder name ({@link PlateFolder#barcode()}), a cell line that
 * {@link CellLine#parse} accepts (the column is left out when none is given: the benchmark's
 * cross-line study then skips the plate) and a split that {@link Split#parse} accepts. The
 * default split is {@link Split#TRAIN}: with no validate and test plates, {@code train} holds
 * out wells by a seeded draw ({@link Splits}), exactly as for a plate without {@code plate.csv}.
 * An existing file is never overwritten. Written atomically.
 */
public final class PlateCsv {

  private PlateCsv() {}

  /**
   * @param plate the plate folder
   * @param cellLine its cell line, or null to leave the column out
   * @param split its split
   * @return the file written
   * @throws IllegalArgumentException naming the file when the plate already has one
   */
  public static Path write(PlateFolder plate, CellLine cellLine, Split split) {
    if (split == null) {
      throw new IllegalArgumentException("plate.csv needs a split (train, validate or test)");
    }
    Path f = plate.dir().resolve(PlateFolder.PLATE_INFO);
    if (Files.exists(f)) {
      throw new IllegalArgumentException(f + " exists already: edit it, or delete it to write a new one");
    }
    String header = "barcode," + (cellLine == null ? "" : "cell_line,") + "split\n";
    String row = plate.barcode() + "," + (cellLine == null ? "" : cellLine.name() + ",") + split.name().toLowerCase(java.util.Locale.ROOT) + "\n";
    AtomicFiles.writeString(f, header + row);
    return f;
  }
}
