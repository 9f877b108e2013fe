package org.brightpaint.benchmark;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.brightpaint.training.MeanImageBaseline;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Issue 10, observation 4: every "what it shows" sentence follows from the numbers; flipping them flips it. */
class FindingsTest {

  static Table quality(double spadeMito, double spadeAgp) {
    String b = MeanImageBaseline.NAME;
    return Table.create("quality_summary",
        StringColumn.create("model", b, b, b, "unet", "unet", "unet", "spade", "spade", "spade"),
        StringColumn.create("channel", "Mito", "AGP", "DNA", "Mito", "AGP", "DNA", "Mito", "AGP", "DNA"),
        DoubleColumn.create("mean_ssim", 0.5, 0.4, 0.6, 0.6, 0.5, 0.7, spadeMito, spadeAgp, 0.65));
  }

  @Test
  void namesTheChannelsWhereAModelLosesToTheMeanImage() {
    List<String> s = Findings.imageQuality(quality(0.45, 0.35));
    assertTrue(s.contains("**spade** is worse than the mean image on Mito and AGP (mean SSIM)."), s.toString());
    assertTrue(s.contains("unet beats the mean image on every channel (mean SSIM)."), s.toString());
    assertFalse(String.join(" ", s).contains("**unet** is worse"), s.toString());
    // spade now beats the mean image everywhere: no "worse" sentence
    List<String> t = Findings.imageQuality(quality(0.55, 0.45));
    assertFalse(String.join(" ", t).contains("worse"), t.toString());
    assertTrue(t.contains("unet and spade beat the mean image on every channel (mean SSIM)."), t.toString());
  }

  @Test
  void saysWhetherSsimSeparatesModelsFromTheMeanImage() {
    assertTrue(String.join(" ", Findings.imageQuality(quality(0.45, 0.35))).contains("0.4-0.6 across channels, the models 0.35-0.7: the ranges overlap"));
    Table apart = quality(0.9, 0.9);
    for (int i = 3; i < 9; i++) apart.doubleColumn("mean_ssim").set(i, 0.9);
    assertTrue(String.join(" ", Findings.imageQuality(apart)).contains("every model channel scores above the mean image"));
  }

  static Table moa(double realCv, double modelCv, double transfer) {
    return Table.create("moa_prediction", StringColumn.create("source", "real", "spade", "spade"),
        StringColumn.create("cv", "well-grouped", "well-grouped", "well-grouped"),
        StringColumn.create("setting", "well-grouped 5-fold CV", "well-grouped 5-fold CV", "train on spade, test on real"),
        DoubleColumn.create("f1_six_class", realCv, modelCv, transfer), DoubleColumn.create("f1_binary", 0.7, 0.8, 0.5),
        IntColumn.create("classes", 6, 6, 6));
  }

  @Test
  void transferAtChanceSaysThePhenotypesAreNotCarried() {
    String s = String.join(" ", Findings.moa(moa(0.56, 0.86, 0.15)));
    assertTrue(s.contains("six-class F1 is at chance for spade 0.15 (chance 0.167): the predicted features do not carry the real phenotypes"), s);
    assertTrue(s.contains("higher cross-validated six-class F1 than real (0.56): spade 0.86"), s);
    String below = String.join(" ", Findings.moa(moa(0.56, 0.5, 0.05)));
    assertTrue(below.contains("below chance for spade 0.05"), below);
    assertFalse(below.contains("higher cross-validated"), below);
    String above = String.join(" ", Findings.moa(moa(0.56, 0.5, 0.4)));
    assertTrue(above.contains("above chance (0.167) for spade 0.4"), above);
    assertFalse(above.contains("do not carry"), above);
  }

  @Test
  void summarisesWilcoxonTablesPerGroup() {
    Table c = Table.create("c", StringColumn.create("channel", "Mito", "Mito", "DNA"), StringColumn.create("a", "x", "x", "x"),
        StringColumn.create("b", "y", "z", "y"), DoubleColumn.create("median_difference", -0.1, 0.3, 0.02),
        BooleanColumn.create("significant", new boolean[] {true, false, false}));
    Table s = Findings.comparisonSummary(c);
    assertEquals(2, s.rowCount());
    assertEquals(2, s.intColumn(1).getInt(0));
    assertEquals(1, s.intColumn(2).getInt(0));
    assertEquals("x - z", s.stringColumn(3).get(0));
    assertEquals(0.3, s.doubleColumn(4).getDouble(0));
    assertEquals("1 of 3 pairs differ significantly in per-image SSIM (Holm-adjusted p < 0.05).", Findings.comparisons(s));
  }

  @Test
  void featureCorrelationLeavesLocationOutAndRanksModels() {
    Table a = Table.create("feature_correlation_by_group_unet", StringColumn.create("group", "Location", "Intensity", "Texture"),
        DoubleColumn.create("mean_r", 0.99, 0.6, 0.2));
    Table b = Table.create("feature_correlation_by_group_spade", StringColumn.create("group", "Location", "Intensity", "Texture"),
        DoubleColumn.create("mean_r", 0.99, 0.3, 0.1));
    List<String> s = Findings.featureCorrelation(List.of(a, b));
    assertEquals("Mean r over compartments, groups and channels (Location left out): highest for **unet** (0.4), lowest for **spade** (0.2).", s.get(0));
    assertEquals("Across models, Intensity features are kept best (mean r 0.45) and Texture features worst (mean r 0.15).", s.get(1));
  }

  @Test
  void generalisabilitySaysWhereCrossLineIsWorse() {
    Table t = Table.create("generalisability_unet", StringColumn.create("metric", "mse", "ssim"), StringColumn.create("test_line", "A549", "U2OS"),
        DoubleColumn.create("in_line", 0.007, 0.6), DoubleColumn.create("cross_line", 0.013, 0.7));
    List<String> s = Findings.generalisability(t);
    assertEquals("**unet** trained on the other cell line is worse in mse on A549 (0.007 in-line, 0.013 cross-line).", s.get(0));
    assertEquals("**unet** trained on the other cell line is as good or better in ssim on U2OS (0.6 in-line, 0.7 cross-line).", s.get(1));
  }

  @Test
  void costNamesFastestAndSlowest() {
    Table t = Table.create("compute_cost", StringColumn.create("model", MeanImageBaseline.NAME, "unet", "palette"),
        DoubleColumn.create("train_images_per_s", 200, 30, 3), DoubleColumn.create("peak_memory_mb", 100, 900, 2000),
        DoubleColumn.create("inference_s_per_image", 0.001, 1, 20));
    String s = String.join(" ", Findings.cost(t));
    assertTrue(s.contains("fastest **unet** (30 images/s), slowest **palette** (3 images/s)"), s);
    assertTrue(s.contains("slowest **palette** (20 s/image, 20 times slower)"), s);
  }

  @Test
  void energyDistanceNamesTheClosestSource() {
    Table t = Table.create("energy_distance", StringColumn.create("source", "real", "unet", "spade"),
        DoubleColumn.create("energy_distance_to_real", 1.2, 70, 50));
    assertTrue(Findings.energyDistance(t).get(0).startsWith("Closest to the real feature distribution: **spade** (energy distance 50); furthest: **unet** (70)"));
  }
}
