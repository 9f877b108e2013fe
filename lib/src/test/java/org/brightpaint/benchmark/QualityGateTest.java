package org.brightpaint.benchmark;

import org.brightpaint.training.MeanImageBaseline;
import static org.junit.jupiter.api.Assertions.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.brightpaint.data.Channel;
import org.brightpaint.eval.Confusion;
import org.brightpaint.eval.CvScheme;
import org.brightpaint.eval.ImageQuality;
import org.brightpaint.eval.MoaResult;
import org.brightpaint.eval.MoaTable;
import org.brightpaint.eval.QualityFigures;
import org.brightpaint.eval.QualityFolders;
import org.brightpaint.eval.QualityReport;
import org.brightpaint.image.FloatImage;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The quality gate passes a generator that reproduces the stain and fails a noise generator. */
class QualityGateTest {

  /** Nuclei-like blobs on a dim background, as counts / 65535 (a few percent of the range). */
  static FloatImage nuclei(Random r, int w, int h) {
    float[] p = new float[w * h];
    double[][] c = new double[8][];
    for (int k = 0; k < c.length; k++) c[k] = new double[] {r.nextDouble() * w, r.nextDouble() * h};
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double v = 300;
        for (double[] n : c) v += 2500 * Math.exp(-((x - n[0]) * (x - n[0]) + (y - n[1]) * (y - n[1])) / 30.0);
        p[y * w + x] = (float) ((v + 30 * r.nextGaussian()) / 65535);
      }
    }
    return new FloatImage(w, h, p);
  }

  static Evaluation.Result evaluation(Map<String, java.util.function.BiFunction<FloatImage, Random, FloatImage>> models, double realF1) {
    Random r = new Random(9);
    int w = 48, h = 48, sites = 6;
    List<FloatImage> train = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) train.add(nuclei(r, w, h));
    float[] mean = new float[w * h];
    for (FloatImage t : train) for (int i = 0; i < mean.length; i++) mean[i] += t.pixels()[i] / train.size();
    FloatImage meanImage = new FloatImage(w, h, mean);
    Table quality = QualityReport.empty();
    quality.insertColumn(0, StringColumn.create("model"));
    for (int s = 1; s <= sites; s++) {
      FloatImage real = nuclei(r, w, h);
      Map<String, FloatImage> preds = new LinkedHashMap<>();
      preds.put(MeanImageBaseline.NAME, meanImage);
      models.forEach((m, f) -> preds.put(m, f.apply(real, r)));
      for (var e : preds.entrySet()) {
        quality.stringColumn("model").append(e.getKey());
        QualityReport.append(quality, new QualityFolders.Site("P1", "A01", s), Channel.DNA, ImageQuality.of(real, e.getValue(), 1));
      }
    }
    Map<String, Table> tables = new LinkedHashMap<>();
    tables.put("quality_summary", QualityFigures.summary(quality));
    MoaResult real = new MoaResult("real", "well-grouped 5-fold CV", CvScheme.WELL, realF1, 0.7, List.of(), new double[0],
        List.of("Control", "Epigenetic", "Growth factor", "Kinase", "Lipid", "Protease"), new Confusion(new int[6][6]),
        new Confusion(new int[2][2]), 5, "", Map.of(), List.of());
    tables.put("moa_prediction", MoaTable.of(List.of(real)));
    return new Evaluation.Result(tables, Map.of(), Map.of(), List.of());
  }

  static FloatImage noisy(FloatImage real, Random r, double sd) {
    float[] p = real.pixels().clone();
    for (int i = 0; i < p.length; i++) p[i] += (float) (sd * r.nextGaussian());
    return new FloatImage(real.width(), real.height(), p);
  }

  @Test
  void aGoodGeneratorPassesANoiseGeneratorFailsTheRun() {
    Map<String, java.util.function.BiFunction<FloatImage, Random, FloatImage>> good = new LinkedHashMap<>();
    good.put("unet", (real, r) -> noisy(real, r, 100 / 65535.0));
    QualityGate pass = QualityGate.of(evaluation(good, 0.5));
    pass.checks().forEach(System.out::println);
    assertTrue(pass.passed(), pass.checks().toString());
    assertSame(pass, pass.require());

    Map<String, java.util.function.BiFunction<FloatImage, Random, FloatImage>> broken = new LinkedHashMap<>(good);
    // deliberately broken: uniform noise over the real image's range, whatever the input
    broken.put("noise", (real, r) -> {
      float[] p = new float[real.pixels().length];
      for (int i = 0; i < p.length; i++) p[i] = (float) ((300 + 2500 * r.nextDouble()) / 65535);
      return new FloatImage(real.width(), real.height(), p);
    });
    QualityGate fail = QualityGate.of(evaluation(broken, 0.5));
    fail.checks().forEach(System.out::println);
    assertFalse(fail.passed());
    assertEquals(1, fail.failures().size(), fail.checks().toString());
    assertTrue(fail.failures().get(0).contains("noise"), fail.failures().toString());
    var e = assertThrows(QualityGate.Failed.class, fail::require);
    assertTrue(e.getMessage().contains("noise beats baseline-mean on DNA"), e.getMessage());
    assertEquals("FAIL", fail.table().stringColumn("result").get(1));
  }

  @Test
  void moaAtChanceOrMissingTablesFail() {
    Map<String, java.util.function.BiFunction<FloatImage, Random, FloatImage>> good = new LinkedHashMap<>();
    good.put("unet", (real, r) -> noisy(real, r, 100 / 65535.0));
    QualityGate chance = QualityGate.of(evaluation(good, 0.15));
    assertFalse(chance.passed());
    assertTrue(chance.failures().get(0).contains("MoA F1 0.150 above chance 0.167"), chance.failures().toString());
    QualityGate empty = QualityGate.of(new Evaluation.Result(Map.of(), Map.of(), Map.of(), List.of()));
    assertEquals(2, empty.failures().size(), empty.checks().toString());
  }
}
