package org.brightpaint.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.brightpaint.eval.QualityReport;
import org.brightpaint.benchmark.ReportFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code brightpaint quality --real DIR --pred DIR --out DIR [--allow-partial]}: per-site,
 * per-channel MSE, PSNR, SSIM and Pearson's r of predicted against real Phenix-named images,
 * written to {@code DIR/quality.csv} (atomically).
 */
@Command(name = "quality", mixinStandardHelpOptions = true,
    description = "Compare predicted with real images site by site: one CSV row per site and channel "
        + "(plate, well, site, channel, mse, psnr, ssim, pearson), 16-bit values scaled to [0, 1], data range 1.")
public final class QualityCommand implements Callable<Integer> {

  @Option(names = "--real", required = true, description = "Folder of real Phenix-named TIFFs.")
  Path real;

  @Option(names = "--pred", required = true, description = "Folder of predicted Phenix-named TIFFs.")
  Path pred;

  @Option(names = "--out", required = true, description = "Output folder for quality.csv.")
  Path out;

  @Option(names = "--allow-partial", description = "Compare only the common sites when the folders differ (the difference is printed).")
  boolean allowPartial;

  @Override
  public Integer call() throws Exception {
    QualityReport.Options o = new QualityReport.Options(1.0, allowPartial, stains(pred), java.util.Set.of());
    // a user error (missing folder, no images, size mismatch) reaches Brightpaint's handler: one line, exit 1
    QualityReport r = QualityReport.compare(real, pred, o);
    if (!r.coverage().complete()) {
      System.err.println("brightpaint quality: partial comparison: " + r.coverage().describe());
    }
    Path csv = ReportFiles.write(r.table(), out.resolve("quality.csv"));
    System.out.println("Wrote " + r.table().rowCount() + " rows to " + csv);
    return 0;
  }

  /**
   * The stains to compare: the paper's five when the prediction holds any of them, else every
   * channel the prediction holds but brightfield (a generator's own outputs, e.g. DAPI, MAP2, NFH).
   */
  private static java.util.List<org.brightpaint.data.Channel> stains(Path pred) {
    var found = new java.util.TreeSet<org.brightpaint.data.Channel>();
    try {
      org.brightpaint.eval.QualityFolders.scan(pred).values().forEach(m -> found.addAll(m.keySet()));
    } catch (IllegalArgumentException e) {
      return org.brightpaint.data.Channel.FLUORESCENT; // compare() reports the folder
    }
    if (org.brightpaint.data.Channel.FLUORESCENT.stream().anyMatch(found::contains)) {
      return org.brightpaint.data.Channel.FLUORESCENT;
    }
    found.removeAll(org.brightpaint.data.Channel.BRIGHTFIELD_INPUTS);
    return found.isEmpty() ? org.brightpaint.data.Channel.FLUORESCENT : java.util.List.copyOf(found);
  }
}
