package org.brightpaint.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The benchmark report's "Per-cell posteriors" section (issue 13): the IG table by feature group x
 * channel per model, the calibration plot and table, the correlation in both cell modes and the
 * generated summary of a {@link PosteriorStudy}, written beside the benchmark report as
 * {@code posterior.html} with its tables in {@code tables/posterior_*.csv}; the report's own
 * section ({@link #section}) shows those tables and links the page when they exist.
 */
public final class PosteriorReport {

  private PosteriorReport() {}

  /** Name of the section's page in the report folder. */
  public static final String PAGE = "posterior.html";

  /**
   * @param r the study
   * @param reportDir the benchmark report folder
   * @return the page written
   */
  public static Path write(PosteriorStudy.Result r, Path reportDir) {
    ReportFiles.write(PosteriorViews.igByGroup(r), reportDir.resolve("tables").resolve("posterior_ig_by_group.csv"));
    ReportFiles.write(r.ig(), reportDir.resolve("tables").resolve("posterior_ig.csv"));
    ReportFiles.write(r.calibration(), reportDir.resolve("tables").resolve("posterior_calibration.csv"));
    ReportFiles.write(r.correlation(), reportDir.resolve("tables").resolve("posterior_correlation.csv"));
    HtmlReport h = HtmlReport.create("Per-cell posteriors: information gain and calibration");
    h.paragraph(PosteriorViews.summary(r).replace("**", ""));
    h.heading("Information gain (nats) by feature group x channel, 95 % bootstrap interval over cells");
    h.table(PosteriorViews.igByGroup(r), 200);
    h.heading("Calibration");
    h.figure(PosteriorViews.calibration(r));
    h.table(r.calibration(), 20);
    h.heading("Feature correlation of draw 1: real objects vs re-segmentation with centroid matching");
    h.table(r.correlation(), 20);
    r.examples().values().stream().filter(e -> e != null).findFirst().ifPresent(e -> {
      h.heading("One cell explained");
      h.figure(PosteriorViews.cell(e));
    });
    return h.write(reportDir.resolve(PAGE));
  }

  /**
   * Adds the section to the benchmark report when {@link #write} has filled the folder.
   *
   * @param report the benchmark report being written
   * @param reportDir its folder
   */
  public static void section(HtmlReport report, Path reportDir) {
    Path t = reportDir.resolve("tables").resolve("posterior_ig_by_group.csv");
    if (!Files.exists(t)) {
      return;
    }
    report.heading("Per-cell posteriors (information gain, calibration)");
    report.table(tech.tablesaw.api.Table.read().csv(t.toFile()), 60);
    Path c = reportDir.resolve("tables").resolve("posterior_calibration.csv");
    if (Files.exists(c)) {
      report.table(tech.tablesaw.api.Table.read().csv(c.toFile()), 20);
    }
    report.paragraph("Figures and the one-cell explanation: " + PAGE + " (notebook 16).");
  }
}
