package org.brightpaint.benchmark;

import org.brightpaint.training.MeanImageBaseline;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Notebook 14's answer to "can generative AI replace fluorescent staining?": our evidence, row
 * by row, beside the paper's (Xing et al. 2024, Tables 3 and 4 and its quantitative statements,
 * as transcribed in the project's {@code reference/paper-results.md}), and a verdict sentence
 * generated from the numbers by stated rules, never written by hand.
 *
 * <p>Rules: a model "matches real" on MoA F1 when its cross-validated six-class F1 is within
 * {@link #F1_MARGIN} of real's; the predicted features "carry real phenotypes" when the best
 * train-on-model / test-on-real six-class F1 exceeds chance (1/6) by more than
 * {@link #F1_MARGIN}; a model "beats the mean image" when its mean SSIM over images and channels
 * is higher than the mean-image baseline's. The answer is "not yet" unless the best model beats
 * the mean image, matches real and carries real phenotypes.
 */
public final class BenchmarkAnswer {

  /** The margin of F1 within which two F1 values are called equal, and above chance called "above". */
  public static final double F1_MARGIN = 0.05;

  /** The paper's Table 3, six-class F1 for A549 and U2OS: real, UNet, Pix2Pix, SPADE, Palette, SPADE-Diffusion. */
  static final double[][] PAPER_F1_SIX = {{0.57, 0.60, 0.58, 0.58, 0.69, 0.70}, {0.58, 0.56, 0.57, 0.55, 0.71, 0.69}};
  /** The paper's Table 3, binary F1 for A549 and U2OS, same order. */
  static final double[][] PAPER_F1_BINARY = {{0.71, 0.71, 0.71, 0.70, 0.77, 0.77}, {0.70, 0.69, 0.70, 0.69, 0.77, 0.77}};
  /** Sources in the paper's column order, as our model names. */
  static final List<String> PAPER_SOURCES = List.of("real", "unet", "pix2pix", "spade", "palette", "spade-diffusion");

  /**
   * The answer.
   *
   * @param evidence one row per question: question, paper, ours, what it shows
   * @param verdict the answer sentence, generated from the numbers
   * @param caveat the run size caveat
   */
  public record Answer(Table evidence, String verdict, String caveat) {
    /** @return the verdict and caveat as Markdown */
    public String markdown() {
      return "**Answer: " + verdict + "**\n\n" + caveat;
    }
  }

  private BenchmarkAnswer() {}

  /**
   * @param e the benchmark's evaluation
   * @param runSize the run size label ("ci" or "full")
   * @return evidence beside the paper's, and the verdict
   */
  public static Answer of(Evaluation.Result e, String runSize) {
    Table h = BenchmarkViews.headline(e);
    Table t = Table.create("answer", StringColumn.create("question"), StringColumn.create("paper"),
        StringColumn.create("ours"), StringColumn.create("what it shows"));
    double realF1 = value(h, "real", "f1_six_class");
    double realBin = value(h, "real", "f1_binary");
    String baseline = MeanImageBaseline.NAME;
    double baseSsim = value(h, baseline, "mean_ssim");
    List<String> models = new ArrayList<>();
    for (String s : h.stringColumn("source")) if (!s.equals("real") && !s.equals(baseline)) models.add(s);

    // 1. MoA six-class F1, cross-validated on each source's features
    List<String> match = new ArrayList<>(), above = new ArrayList<>(), below = new ArrayList<>();
    StringBuilder ours = new StringBuilder("real " + f(realF1));
    for (String m : models) {
      double v = value(h, m, "f1_six_class");
      ours.append(", ").append(m).append(' ').append(f(v));
      if (!Double.isFinite(v) || !Double.isFinite(realF1)) continue;
      (Math.abs(v - realF1) <= F1_MARGIN ? match : v > realF1 ? above : below).add(m);
    }
    row(t, "MoA six-class F1 (5-fold CV on each source's features)", paperRow(PAPER_F1_SIX), ours.toString(),
        "within " + F1_MARGIN + " of real: " + names(match) + "; higher: " + names(above) + "; lower: " + names(below)
            + ". Paper: the diffusion models score above real, the others about equal.");
    // 2. binary F1
    StringBuilder ob = new StringBuilder("real " + f(realBin));
    int binMatch = 0;
    for (String m : models) {
      double v = value(h, m, "f1_binary");
      ob.append(", ").append(m).append(' ').append(f(v));
      if (Double.isFinite(v) && Math.abs(v - realBin) <= F1_MARGIN) binMatch++;
    }
    row(t, "MoA binary F1 (control vs treated)", paperRow(PAPER_F1_BINARY), ob.toString(),
        binMatch + " of " + models.size() + " models within " + F1_MARGIN + " of real.");
    // 3. train on model, test on real
    Table moa = e.tables().get("moa_prediction");
    double bestTransfer = Double.NaN;
    String bestTransferModel = "";
    StringBuilder ot = new StringBuilder();
    if (moa != null) {
      for (int i = 0; i < moa.rowCount(); i++) {
        if (moa.stringColumn("setting").get(i).contains("CV")) continue;
        String s = moa.stringColumn("source").get(i);
        double v = moa.doubleColumn("f1_six_class").getDouble(i);
        ot.append(ot.isEmpty() ? "" : ", ").append(s).append(' ').append(f(v));
        if (Double.isFinite(v) && !(v <= bestTransfer)) {
          bestTransfer = v;
          bestTransferModel = s;
        }
      }
    }
    boolean carries = Double.isFinite(bestTransfer) && bestTransfer > 1.0 / 6 + F1_MARGIN;
    row(t, "Train on model features, test on real (six-class F1; chance 1/6 = 0.167)", "not reported",
        ot.isEmpty() ? "not evaluated" : ot.toString(),
        ot.isEmpty() ? "not evaluated" : carries
            ? "best " + bestTransferModel + " " + f(bestTransfer) + " is above chance: predicted features carry some real phenotype"
            : "every model is at chance (best " + f(bestTransfer) + "): the predicted features do not carry real phenotypes");
    // 4. pixel quality against the mean image
    List<String> beat = new ArrayList<>(), lose = new ArrayList<>();
    String best = "";
    double bestSsim = Double.NaN;
    StringBuilder oq = new StringBuilder(baseline + " " + f(baseSsim));
    for (String m : models) {
      double v = value(h, m, "mean_ssim");
      oq.append(", ").append(m).append(' ').append(f(v));
      if (!Double.isFinite(v)) continue;
      if (!(v <= bestSsim)) {
        bestSsim = v;
        best = m;
      }
      (Double.isFinite(baseSsim) && v > baseSsim ? beat : lose).add(m);
    }
    row(t, "Mean SSIM over images and channels, against the mean training image",
        "Pix2Pix best on every channel and metric; no mean-image baseline", oq.toString(),
        "best " + best + "; higher than the mean image: " + names(beat) + "; not higher: " + names(lose) + ".");
    // 5. generalisability
    String gen = "not evaluated";
    String genShows = "not evaluated";
    for (String m : List.of("pix2pix", "unet")) {
      Table g = e.tables().get("generalisability_" + m);
      if (g == null) continue;
      double ssimDrop = meanWhere(g, "ssim"), countDrop = meanWhere(g, "count_r");
      gen = m + ": SSIM drop " + pct(ssimDrop) + ", count-r drop " + pct(countDrop);
      genShows = "on the unseen cell line " + m + " loses " + pct(ssimDrop) + " of its SSIM"
          + (Double.isFinite(countDrop) ? " and " + pct(countDrop) + " of its count correlation" : "") + " (paper: 9.72 % and 63.05 %)";
      break;
    }
    row(t, "Generalisability to the other cell line (relative drop, in-line to cross-line)",
        "Pix2Pix: SSIM drop 9.72 %, count-r drop 63.05 %", gen, genShows);
    // 6. cost
    row(t, "Compute cost", "GPU (RTX 6000), 512 x 512: 3.3-17.8 GB, 0.06 s (UNet) to 240 s (SPADE-Diffusion) per image",
        "see notebook 13 (CPU, " + runSize + " width)", "not comparable in absolute terms: different hardware and network width");

    boolean replace = Double.isFinite(bestSsim) && beat.contains(best) && match.contains(best) && carries;
    String verdict = replace
        ? "on this run, " + best + " would stand in for staining: it beats the mean image, matches real MoA F1 and its features carry real phenotypes."
        : "not yet. " + reasons(beat, models, match, carries) + " The paper concluded the same (limited generalisability, weak feature"
            + " correlation, high GPU memory), while its generated features ranked MoA about as well as real.";
    String caveat = "Caveat: these are " + runSize + "-size numbers (synthetic plates, few sites, narrow networks trained for minutes on a CPU);"
        + " the paper trained full-width models for days on real cpg0000 plates. Compare directions, not magnitudes.";
    return new Answer(t, verdict, caveat);
  }

  private static String reasons(List<String> beat, List<String> models, List<String> match, boolean carries) {
    List<String> r = new ArrayList<>();
    if (beat.size() < models.size()) r.add((models.size() - beat.size()) + " of " + models.size() + " models do not beat the mean image on SSIM");
    if (match.size() < models.size()) r.add((models.size() - match.size()) + " of " + models.size() + " models differ from real MoA F1 by more than " + F1_MARGIN);
    if (!carries) r.add("features learned from generated images do not predict real MoA above chance");
    if (r.isEmpty()) r.add("the best model does not meet every rule at once");
    return String.join("; ", r) + ".";
  }

  private static String paperRow(double[][] v) {
    StringBuilder b = new StringBuilder();
    String[] lines = {"A549", "U2OS"};
    for (int l = 0; l < 2; l++) {
      b.append(l == 0 ? "" : "; ").append(lines[l]).append(':');
      for (int i = 0; i < PAPER_SOURCES.size(); i++) b.append(' ').append(PAPER_SOURCES.get(i)).append(' ').append(f(v[l][i]));
    }
    return b.toString();
  }

  private static void row(Table t, String q, String paper, String ours, String shows) {
    t.stringColumn("question").append(q);
    t.stringColumn("paper").append(paper);
    t.stringColumn("ours").append(ours);
    t.stringColumn("what it shows").append(shows);
  }

  private static double value(Table h, String source, String col) {
    for (int i = 0; i < h.rowCount(); i++) if (h.stringColumn("source").get(i).equals(source)) return h.doubleColumn(col).getDouble(i);
    return Double.NaN;
  }

  private static double meanWhere(Table g, String metric) {
    double s = 0;
    int n = 0;
    for (int i = 0; i < g.rowCount(); i++) {
      double v = g.doubleColumn("relative_drop").getDouble(i);
      if (g.stringColumn("metric").get(i).equals(metric) && Double.isFinite(v)) {
        s += v;
        n++;
      }
    }
    return n == 0 ? Double.NaN : s / n;
  }

  private static String names(List<String> l) {
    return l.isEmpty() ? "none" : String.join(", ", l);
  }

  static String f(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3g", v) : "n/a";
  }

  private static String pct(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3g %%", 100 * v) : "n/a";
  }
}
