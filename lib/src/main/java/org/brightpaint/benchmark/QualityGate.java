package org.brightpaint.benchmark;

import org.brightpaint.training.MeanImageBaseline;
import java.util.ArrayList;
import java.util.List;
import org.brightpaint.data.Channel;
import org.brightpaint.eval.CvScheme;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The benchmark's acceptance check, run at the end of the ci benchmark (notebook 07 and
 * {@code brightpaint benchmark}) so that CI fails when the models stop beating the trivial
 * baseline:
 * <ol>
 *   <li>every generator beats {@link MeanImageBaseline} on DNA on the held-out test plates in
 *       mean MSE (lower) and in mean SSIM (higher), both in the normalised space
 *       ({@link org.brightpaint.eval.RobustRange}: the real image's 0.1 and 99.9 percentiles
 *       mapped to 0..1, clipped, data range 1);</li>
 *   <li>the real features' well-grouped six-class MoA macro F1 is above chance (1 / classes).</li>
 * </ol>
 * A missing table or row is a failure with its reason, never a pass.
 *
 * @param checks one line per check, "PASS ..." or "FAIL ..."
 */
public record QualityGate(List<String> checks) {

  /** Thrown by {@link #require()} when a check fails; the message lists the failures. */
  public static final class Failed extends IllegalStateException {
    Failed(String message) {
      super(message);
    }
  }

  /**
   * @param evaluation the benchmark's evaluation
   * @return the checks
   */
  public static QualityGate of(Evaluation.Result evaluation) {
    List<String> checks = new ArrayList<>();
    String dna = Channel.DNA.cpName();
    Table q = evaluation.tables().get("quality_summary");
    if (q == null) {
      checks.add("FAIL image quality: no quality_summary table (no predictions evaluated)");
    } else {
      Table d = q.where(q.stringColumn("channel").isEqualTo(dna));
      int b = d.stringColumn("model").indexOf(MeanImageBaseline.NAME);
      if (b < 0) {
        checks.add("FAIL image quality: no " + MeanImageBaseline.NAME + " row for " + dna + " to compare with");
      } else {
        double bMse = d.doubleColumn("mean_mse").getDouble(b), bSsim = d.doubleColumn("mean_ssim").getDouble(b);
        int generators = 0;
        for (int i = 0; i < d.rowCount(); i++) {
          String m = d.stringColumn("model").get(i);
          if (m.equals(MeanImageBaseline.NAME)) continue;
          generators++;
          double mse = d.doubleColumn("mean_mse").getDouble(i), ssim = d.doubleColumn("mean_ssim").getDouble(i);
          boolean ok = mse < bMse && ssim > bSsim;
          checks.add(String.format("%s %s beats %s on %s (normalised): MSE %.5f vs %.5f, SSIM %.4f vs %.4f",
              ok ? "PASS" : "FAIL", m, MeanImageBaseline.NAME, dna, mse, bMse, ssim, bSsim));
        }
        if (generators == 0) checks.add("FAIL image quality: no generator besides " + MeanImageBaseline.NAME + " was evaluated");
      }
    }
    Table moa = evaluation.tables().get("moa_prediction");
    if (moa == null) {
      checks.add("FAIL MoA: no moa_prediction table (features not profiled)");
    } else {
      Table r = moa.where(moa.stringColumn("source").isEqualTo("real").and(moa.stringColumn("cv").isEqualTo(CvScheme.WELL.label())));
      if (r.rowCount() == 0 || r.doubleColumn("f1_six_class").isMissing(0)) {
        checks.add("FAIL MoA: no well-grouped F1 for the real features"
            + (r.rowCount() == 0 ? "" : " (" + r.stringColumn("note").get(0) + ")"));
      } else {
        double f1 = r.doubleColumn("f1_six_class").getDouble(0);
        double chance = 1.0 / r.intColumn("classes").getInt(0);
        checks.add(String.format("%s real features' well-grouped MoA F1 %.3f above chance %.3f", f1 > chance ? "PASS" : "FAIL", f1, chance));
      }
    }
    return new QualityGate(List.copyOf(checks));
  }

  /** @return true when every check passed */
  public boolean passed() {
    return checks.stream().allMatch(c -> c.startsWith("PASS"));
  }

  /** @return the failed checks */
  public List<String> failures() {
    return checks.stream().filter(c -> !c.startsWith("PASS")).toList();
  }

  /** @return one row per check: result (PASS/FAIL), check */
  public Table table() {
    Table t = Table.create("quality_gate", StringColumn.create("result"), StringColumn.create("check"));
    for (String c : checks) {
      t.stringColumn("result").append(c.substring(0, 4));
      t.stringColumn("check").append(c.substring(5));
    }
    return t;
  }

  /**
   * @return this gate when it passed
   * @throws Failed listing the failed checks
   */
  public QualityGate require() {
    if (!passed()) throw new Failed("Benchmark quality gate failed: " + String.join("; ", failures()));
    return this;
  }
}
