package org.brightpaint.benchmark;

import static org.junit.jupiter.api.Assertions.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import org.junit.jupiter.api.Test;

/** Issue 10, observation 4: notebook 14 never answered; the answer is generated from the numbers. */
class BenchmarkAnswerTest {

  static Evaluation.Result result(double unetSsim, double unetTransferF1) {
    Map<String, Table> tables = new LinkedHashMap<>();
    tables.put("quality_summary", Table.create("quality_summary", StringColumn.create("model", "baseline-mean", "unet"),
        StringColumn.create("channel", "DNA", "DNA"), DoubleColumn.create("mean_ssim", 0.9, unetSsim),
        DoubleColumn.create("mean_psnr", 20, 21), DoubleColumn.create("mean_pearson", 0.1, 0.5)));
    tables.put("moa_prediction", Table.create("moa_prediction", StringColumn.create("source", "real", "unet", "unet"),
        StringColumn.create("setting", "5-fold CV", "5-fold CV", "train on unet, test on real"),
        DoubleColumn.create("f1_six_class", 0.6, 0.62, unetTransferF1), DoubleColumn.create("f1_binary", 0.7, 0.71, 0.5),
        StringColumn.create("top_features", "", "", ""), IntColumn.create("folds", 5, 5, 0), StringColumn.create("note", "", "", "")));
    return new Evaluation.Result(tables, Map.of(), Map.of(), List.of());
  }

  @Test
  void notYetWhenTheModelLosesToTheMeanImageAndTransferIsAtChance() {
    BenchmarkAnswer.Answer a = BenchmarkAnswer.of(result(0.8, 0.17), "ci");
    assertTrue(a.verdict().startsWith("not yet"), a.verdict());
    assertTrue(a.verdict().contains("1 of 1 models do not beat the mean image"), a.verdict());
    assertTrue(a.verdict().contains("do not predict real MoA above chance"), a.verdict());
    assertTrue(a.caveat().contains("ci-size"), a.caveat());
    Table t = a.evidence();
    assertEquals("real 0.600, unet 0.620", t.stringColumn("ours").get(0));
    assertTrue(t.stringColumn("paper").get(0).contains("A549: real 0.57"), t.stringColumn("paper").get(0));
    assertTrue(t.stringColumn("what it shows").get(0).startsWith("within 0.05 of real: unet"), t.stringColumn("what it shows").get(0));
    assertTrue(t.stringColumn("what it shows").get(3).contains("not higher: unet"), t.stringColumn("what it shows").get(3));
  }

  @Test
  void replacesWhenEveryRuleHolds() {
    BenchmarkAnswer.Answer a = BenchmarkAnswer.of(result(0.95, 0.55), "full");
    assertTrue(a.verdict().startsWith("on this run, unet would stand in"), a.verdict());
  }

  @Test
  void headlineHasABaselineRowWithoutMoaRows() {
    Table h = BenchmarkViews.headline(result(0.8, 0.17));
    assertEquals(List.of("real", "unet", "baseline-mean"), h.stringColumn("source").asList());
  }
}
