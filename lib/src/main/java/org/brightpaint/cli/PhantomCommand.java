package org.brightpaint.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.brightpaint.data.CellLine;
import org.brightpaint.data.Plate;
import org.brightpaint.data.PlateSet;
import org.brightpaint.data.Plates;
import org.brightpaint.data.Split;
import org.brightpaint.data.synthetic.SyntheticOptions;
import org.brightpaint.data.synthetic.SyntheticPlates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code brightpaint phantom}: writes synthetic plates in cpg0000 layout with ground truth.
 * Defaults: the eight benchmark plates, the CI preset's wells, sites, size and cells.
 */
@Command(name = "phantom", mixinStandardHelpOptions = true,
    description = "Generate synthetic Cell Painting plates in cpg0000 layout (with ground truth).")
public final class PhantomCommand implements Callable<Integer> {

  @Option(names = "--out", required = true, description = "Output folder (one sub-folder per plate).")
  Path out;

  @Option(names = "--plate", description = "Plate barcode, repeatable; BARCODE:A549|U2OS for a non-benchmark barcode. "
      + "Default: the eight benchmark plates.")
  List<String> plates = new ArrayList<>();

  @Option(names = "--wells", description = "Number of wells per plate (1..384), chosen to cover every MoA group. Default: ${DEFAULT-VALUE}.", defaultValue = "24")
  int wells;

  @Option(names = "--sites", description = "Sites (fields) per well. Default: ${DEFAULT-VALUE}.", defaultValue = "2")
  int sites;

  @Option(names = "--size", description = "Image width and height in px (cpg0000: 1080). Default: ${DEFAULT-VALUE}.", defaultValue = "256")
  int size;

  @Option(names = "--cells", description = "Mean cells per site (default: 14 at 256 px, scaled with the image area).")
  Integer cells;

  @Option(names = "--seed", description = "Seed; the same seed gives identical files. Default: ${DEFAULT-VALUE}.", defaultValue = "20201104")
  long seed;

  @Override
  public Integer call() {
    List<Plate> ps = new ArrayList<>();
    for (String p : plates) {
      int colon = p.indexOf(':');
      if (colon > 0) {
        ps.add(new Plate(p.substring(0, colon), CellLine.parse(p.substring(colon + 1)), Split.TRAIN, 0, ""));
      } else {
        ps.add(Plates.byBarcode(p));
      }
    }
    SyntheticOptions o = SyntheticOptions.ci().withSize(size).withWells(SyntheticOptions.wellsCovering(wells))
        .withSites(sites).withSeed(seed);
    if (!ps.isEmpty()) {
      o = o.withPlates(ps);
    }
    if (cells != null) {
      o = o.withCellsPerSite(cells);
    }
    long t0 = System.nanoTime();
    PlateSet set = SyntheticPlates.generate(out, o);
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf("wrote %d plates x %d wells x %d sites (%d x %d px) to %s in %.1f s%n",
        set.plates().size(), o.wells().size(), o.sites(), o.size(), o.size(), out, s);
    return 0;
  }
}
