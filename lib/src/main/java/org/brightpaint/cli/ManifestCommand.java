package org.brightpaint.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.brightpaint.data.CellLine;
import org.brightpaint.data.PlateCsv;
import org.brightpaint.data.PlateFolder;
import org.brightpaint.data.PlateSet;
import org.brightpaint.data.PlateValidator;
import picocli.CommandLine.ArgGroup;
import org.brightpaint.data.Split;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code brightpaint manifest --images DIR}: builds (when absent) and validates load_data for the
 * plates under DIR, listing every missing, extra or bad file; exits 1 when there is any.
 * {@code manifest --load-data CSV} validates the files a LoadData CSV names instead (any layout). With
 * {@code --write-plate-csv [--cell-line A549|U2OS] [--split train|validate|test]} it first writes
 * each plate's {@code plate.csv} ({@link PlateCsv}), then validates it with the rest.
 */
@Command(name = "manifest", mixinStandardHelpOptions = true,
    description = "Validate plate folders (real or synthetic) and build their load_data.csv; lists every missing, extra or bad file.")
public final class ManifestCommand implements Callable<Integer> {

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  /** Plate folders or a LoadData CSV: exactly one. */
  static final class Source {
    @Option(names = "--images", required = true, description = "A plate folder, or a folder of plate folders.")
    Path images;

    @Option(names = "--load-data", required = true, paramLabel = "CSV", description = "Instead of --images: a "
        + "CellProfiler LoadData CSV naming each site's files in any layout (own names, TIFF or PNG); checks that "
        + "every file it names exists, reads and has the plate's size.")
    Path loadData;
  }

  @Option(names = "--size", description = "Required image size in px (0: any, but one per plate). Default: ${DEFAULT-VALUE}.", defaultValue = "0")
  int size;

  @Option(names = "--write-plate-csv", description = "First write each plate's plate.csv (barcode from the folder name, "
      + "--cell-line, --split); refuses when a plate already has one.")
  boolean writePlateCsv;

  @Option(names = "--cell-line", description = "With --write-plate-csv: A549 or U2OS (default: no cell_line column).")
  String cellLine;

  @Option(names = "--split", defaultValue = "train", description = "With --write-plate-csv: train (default), validate or test.")
  String split;

  @Override
  public Integer call() {
    if (writePlateCsv && source.images == null) {
      throw new IllegalArgumentException("--write-plate-csv writes plate.csv into plate folders: use it with --images, not --load-data");
    }
    if (writePlateCsv) {
      CellLine line = cellLine == null ? null : CellLine.parse(cellLine);
      Split s = Split.parse(split);
      List<PlateFolder> plates = PlateSet.open(source.images).plates();
      for (PlateFolder p : plates) {
        if (java.nio.file.Files.exists(p.dir().resolve(PlateFolder.PLATE_INFO))) {
          throw new IllegalArgumentException(p.dir().resolve(PlateFolder.PLATE_INFO) + " exists already: edit it, "
              + "or delete it to write a new one");
        }
      }
      for (PlateFolder p : plates) {
        System.out.println("wrote " + PlateCsv.write(p, line, s));
      }
    } else if (cellLine != null) {
      throw new IllegalArgumentException("--cell-line " + cellLine + " is only used with --write-plate-csv");
    }
    PlateValidator.Report r = source.loadData != null ? PlateValidator.validateLoadData(source.loadData, size)
        : PlateValidator.validate(source.images, size);
    System.out.print(r.format());
    return r.ok() ? 0 : 1;
  }
}
