package org.brightpaint.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.brightpaint.data.PlateValidator;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code brightpaint manifest --images DIR}: builds (when absent) and validates load_data for the
 * plates under DIR, listing every missing, extra or bad file; exits 1 when there is any.
 * {@code manifest --load-data CSV} validates the files a LoadData CSV names instead (any layout).
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

  @Override
  public Integer call() {
    PlateValidator.Report r = source.loadData != null ? PlateValidator.validateLoadData(source.loadData, size)
        : PlateValidator.validate(source.images, size);
    System.out.print(r.format());
    return r.ok() ? 0 : 1;
  }
}
