package org.brightpaint.training;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Issue 10, observations 4 and 6: the validation sentence follows the curve; one loss panel per term. */
class TrainingCurvesFindingsTest {

  static TrainingCurves curves(double mitoLast) {
    Table v = Table.create("validation", IntColumn.create("step", 1, 1, 2, 2, 3, 3), IntColumn.create("epoch", 0, 0, 1, 1, 2, 2),
        StringColumn.create("channel", "Mito", "DNA", "Mito", "DNA", "Mito", "DNA"),
        DoubleColumn.create("rmse", 0.27, 0.26, 0.26, 0.22, mitoLast, 0.21));
    Table l = Table.create("losses", IntColumn.create("step", 1, 1, 2, 2, 3, 3), IntColumn.create("epoch", 0, 0, 0, 0, 0, 0),
        StringColumn.create("loss", "g_total", "d", "g_total", "d", "g_total", "d"), DoubleColumn.create("value", 80, 0.5, 60, 0.4, 20, 0.3));
    return new TrainingCurves(l, v);
  }

  @Test
  void namesTheChannelsWhoseValidationRmseRises() {
    String s = curves(0.29).validationTrend(0.005);
    assertTrue(s.startsWith("Validation RMSE rises after its minimum for Mito (0.26 -> 0.29)"), s);
    assertTrue(s.contains("of its minimum for DNA (3 validations)."), s);
    String flat = curves(0.258).validationTrend(0.005);
    assertFalse(flat.contains("rises"), flat);
    assertTrue(flat.contains("for Mito, DNA"), flat);
  }

  @Test
  void onePanelPerLossTermWithASmoothedLine() {
    var figs = curves(0.29).lossFigures(3);
    assertEquals(2, figs.size());
    assertEquals(2, figs.get(0).getTraces().length);
    assertTrue(figs.get(0).asJavascript("d").contains("training step"));
    assertArrayEquals(new double[] {70, 160 / 3.0, 40}, TrainingCurves.movingAverage(new double[] {80, 60, 20}, 3), 1e-12);
  }

  @Test
  void summaryShowsLossesWithoutJavaMapText() { // issue 10, observation 5
    var m = new java.util.LinkedHashMap<String, Double>();
    m.put("g_total", 13.96513843536377);
    m.put("d", 0.03205326944589615);
    m.put("x", Double.NaN);
    assertEquals("g_total 13.97, d 0.03205, x NaN", TrainingRun.losses(m));
  }

  /** Issue 10, Figure 6: diffusion loss and validation RMSE on one figure with a generated sentence. */
  @Test
  void lossAndValidationOverlayAndItsSentenceFollowTheNumbers() {
    var fig = curves(0.29).lossAndValidationFigure("Palette", 1);
    String js = fig.asJavascript("d");
    assertEquals(2, fig.getTraces().length);
    assertTrue(js.contains("y2") && js.contains("validation RMSE (normalised)") && js.contains("training step"), js);
    // loss 80.5 -> 20.3 falls; mean RMSE 0.265 -> (0.29 + 0.21) / 2 = 0.25 falls by 0.015
    String falls = curves(0.29).lossVersusValidation("Palette", 1, 0.05, 0.005);
    assertTrue(falls.startsWith("Palette: the smoothed training loss falls (80.5 -> 20.3) while the mean validation RMSE falls too (0.265 -> 0.25)"), falls);
    // last Mito 0.33: mean 0.27 >= 0.265: loss falls, validation does not (the paper's Figure 6 point)
    String figure6 = curves(0.33).lossVersusValidation("Palette", 1, 0.05, 0.005);
    assertTrue(figure6.contains("loss falls (80.5 -> 20.3) while the mean validation RMSE does not fall (0.265 -> 0.27)"), figure6);
    assertTrue(figure6.endsWith("does not mean better images, as in the paper's Figure 6."), figure6);
  }
}
