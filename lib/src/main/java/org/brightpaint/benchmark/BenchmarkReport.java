package org.brightpaint.benchmark;

import java.nio.file.Path;
import java.util.Map;

/**
 * Writes an {@link Evaluation.Result} as a report folder: {@code tables/<name>.csv} for every
 * table, {@code galleries/<name>.png} for every image and one offline {@code report.html} with
 * notes, tables (first 40 rows), figures and galleries, in the paper's order.
 */
public final class BenchmarkReport {
  private BenchmarkReport() {}

  /**
   * @param result the evaluation result
   * @param dir the report folder
   * @param title the report title
   * @param report an empty HTML report to fill ({@link HtmlReport#create(String)})
   * @return the HTML file
   */
  public static Path write(Evaluation.Result result, Path dir, String title, HtmlReport report) {
    result.tables().forEach((name, t) -> ReportFiles.write(t, dir.resolve("tables").resolve(name + ".csv")));
    result.images().forEach((name, img) ->
        ReportFiles.writeBytes(png(img), dir.resolve("galleries").resolve(name.replace(' ', '_') + ".png")));
    report.heading("Notes");
    for (String n : result.notes()) report.paragraph(n);
    section(report, result, "Quality gate (acceptance)", "quality_gate", (String[]) null);
    section(report, result, "Image quality (Figure 3)", "quality_", "fig3_");
    if (result.images().containsKey(BenchmarkViews.FIGURE2)) {
      report.image(result.images().get(BenchmarkViews.FIGURE2), "Figure 2-style panel: one test site, real and every model, "
          + "each channel on the real image's 0.1-99.9 percentile scale");
    }
    report.paragraph("Intensity space: real and predicted images are read alike from the stored 16-bit files. "
        + "mse, psnr, ssim: normalised space (each pair mapped by the real image's 0.1 and 99.9 percentiles to 0..1, "
        + "both clipped, data range 1); mse_raw, psnr_raw, ssim_raw: raw space (counts / 65535, data range 1), "
        + "as in the literature; pearson on the raw values.");
    section(report, result, "Feature correlation (Figures 4 and 5)", "feature_correlation", "fig4_", "fig5_");
    section(report, result, "MoA prediction (Table 3)", "moa_", null);
    report.paragraph("Cross-validation: well-grouped (default; no well in both training and test folds), "
        + "leave-compound-out (no compound in both; controls grouped by well) and cell-level (as the paper: cells of "
        + "one well on both sides, which lets the classifier recognise wells). Transfer trains on a model's cells of "
        + "the training wells and tests on the real cells of the held-out wells.");
    section(report, result, "Embedding (Figure 8)", "energy_distance", "fig8_");
    report.paragraph("Energy distance: real's row is the floor, measured between two disjoint seeded halves of the "
        + "real cells; each model is measured against the first half with the same number of cells.");
    section(report, result, "Generalisability (Figure 9)", "generalisability_", "fig9_");
    section(report, result, "Artifacts", "artifacts_summary", null);
    result.images().forEach((name, img) -> {
      if (!name.equals(BenchmarkViews.FIGURE2)) report.image(img, name);
    });
    section(report, result, "Compute cost (Table 4)", "compute_cost", null);
    PosteriorReport.section(report, dir);
    return report.write(dir.resolve("report.html"));
  }

  private static void section(HtmlReport r, Evaluation.Result res, String heading, String tablePrefix, String... figurePrefixes) {
    r.heading(heading);
    for (Map.Entry<String, tech.tablesaw.api.Table> e : res.tables().entrySet()) {
      boolean gateElsewhere = e.getKey().equals("quality_gate") && !tablePrefix.equals("quality_gate");
      if (e.getKey().startsWith(tablePrefix) && !gateElsewhere && !e.getKey().endsWith("per_image") && !e.getKey().equals("tsne_points")) {
        r.table(e.getValue(), 40);
      }
    }
    if (figurePrefixes == null) return;
    for (var e : res.figures().entrySet()) {
      for (String p : figurePrefixes) {
        if (p != null && e.getKey().startsWith(p)) r.figure(e.getValue());
      }
    }
  }

  /**
   * @param img an RGB or gray image
   * @return its PNG bytes
   */
  static byte[] png(java.awt.image.BufferedImage img) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      javax.imageio.ImageIO.write(img, "png", out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
