package org.brightpaint.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Information gain, KDE and posterior calibration on hand-computable cases (issue 13). */
class InformationGainTest {

  private static double[] normal(SplittableRandom r, int n, double mean, double sd) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      double u1 = 1 - r.nextDouble(), u2 = r.nextDouble();
      out[i] = mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
    return out;
  }

  @Test
  void posteriorEqualToMarginalGivesZero() {
    double[] population = normal(new SplittableRandom(1), 500, 0, 1);
    Kde marginal = Kde.silverman(population);
    for (double y : new double[] {-2, -0.3, 0, 1.7}) {
      assertEquals(0.0, InformationGain.of(population, y, marginal), 1e-12);
    }
  }

  @Test
  void narrowPosteriorOnTheTruthGivesTheClosedFormGain() {
    Kde marginal = Kde.of(new double[] {0}, 1); // exactly N(0, 1)
    // posterior N(y, 0.1^2) at y = 0.5: IG = log(phi(0)/0.1) - log(phi(0.5)) = ln 10 + 0.5^2 / 2
    assertEquals(Math.log(10) + 0.125, InformationGain.of(Kde.of(new double[] {0.5}, 0.1), 0.5, marginal), 1e-12);
    // K identical samples: Silverman's spread is 0, so the floor h = 0.05 applies: IG = ln 20 at y = 0
    assertEquals(Math.log(20), InformationGain.of(new double[] {0, 0, 0, 0, 0, 0, 0, 0}, 0, marginal), 1e-12);
    assertTrue(Math.log(20) > 0);
  }

  @Test
  void posteriorFarFromTheTruthGivesANegativeGain() {
    Kde marginal = Kde.of(new double[] {0}, 1);
    // posterior N(5, 0.1^2), y = 0: IG = ln 10 - 0.5 (5 / 0.1)^2 - (-0) = ln 10 - 1250
    double ig = InformationGain.of(Kde.of(new double[] {5}, 0.1), 0, marginal);
    assertEquals(Math.log(10) - 1250, ig, 1e-9);
    assertTrue(InformationGain.of(new double[] {2.9, 3.0, 3.1, 3.05}, 0, marginal) < -10);
  }

  @Test
  void kdeMatchesAKnownDensity() {
    double[] x = normal(new SplittableRandom(7), 100000, 0, 1);
    Kde kde = Kde.silverman(x);
    double h = kde.bandwidth();
    // Silverman's rule for n = 100000 standard normal values: 0.9 * ~1 * 100000^-0.2 = 0.0905
    assertEquals(0.9 * Math.pow(100000, -0.2), h, 0.005);
    // a Gaussian KDE of N(0, 1) data estimates N(0, 1 + h^2)
    double v = 1 + h * h;
    for (double t : new double[] {-2, -1, 0, 0.5, 1.5, 3}) {
      double expected = Math.exp(-t * t / (2 * v)) / Math.sqrt(2 * Math.PI * v);
      assertEquals(expected, kde.density(t), 0.015, "density at " + t); // sampling sd <= 0.004
      assertEquals(Kde.normalCdf(t / Math.sqrt(v)), kde.cdf(t), 0.01, "cdf at " + t);
    }
    assertEquals(0.975, Kde.normalCdf(1.959964), 1e-6);
    assertEquals(Math.log(kde.density(0.7)), kde.logDensity(0.7), 1e-12);
  }

  @Test
  void calibratedToyModelCoversNearTheNominalLevelAndAnOverconfidentOneDoesNot() {
    SplittableRandom r = new SplittableRandom(11);
    int cells = 2000;
    double[] calibrated = new double[cells];
    double[] overconfident = new double[cells];
    for (int c = 0; c < cells; c++) {
      double mu = normal(r, 1, 0, 1)[0];
      double y = mu + normal(r, 1, 0, 1)[0];
      calibrated[c] = PosteriorCalibration.pit(Kde.silverman(normal(r, 100, mu, 1)), y);
      overconfident[c] = PosteriorCalibration.pit(Kde.silverman(normal(r, 100, mu, 0.3)), y);
    }
    // the KDE adds h^2 ~ 0.13 to the variance: nominal 0.50 -> 0.53, 0.90 -> 0.92 expected
    assertEquals(0.5, PosteriorCalibration.coverage(calibrated, 0.5), 0.05);
    assertEquals(0.9, PosteriorCalibration.coverage(calibrated, 0.9), 0.03);
    assertTrue(PosteriorCalibration.coverage(overconfident, 0.9) < 0.6);
    double[] hist = PosteriorCalibration.histogram(calibrated, 10);
    for (double b : hist) {
      assertEquals(0.1, b, 0.03);
    }
    double[] u = PosteriorCalibration.histogram(overconfident, 10);
    assertTrue(u[0] > 0.2 && u[9] > 0.2, "over-confident PIT is U-shaped");
  }

  @Test
  void bootstrapIntervalIsSeededAndBracketsTheMean() {
    double[] v = normal(new SplittableRandom(3), 400, 2, 1);
    BootstrapMean a = BootstrapMean.of(v, 5);
    assertEquals(a, BootstrapMean.of(v, 5));
    assertTrue(a.lower() < a.mean() && a.mean() < a.upper());
    // sd / sqrt(n) = 0.05: the 95 % interval is about +-0.1 wide
    assertEquals(0.2, a.upper() - a.lower(), 0.05);
  }

  @Test
  void scoresAggregatePerFeatureGroupAndChannel() {
    SplittableRandom r = new SplittableRandom(5);
    int cells = 200;
    List<FeatureName> names = List.of(FeatureName.parse("Cells_Intensity_MeanIntensity_DNA"),
        FeatureName.parse("Cells_Intensity_MaxIntensity_DNA"), FeatureName.parse("Cells_AreaShape_Area"));
    double[][] real = new double[3][];
    double[][][] samples = new double[3][cells][];
    for (int f = 0; f < 3; f++) {
      real[f] = normal(r, cells, 100, 10);
      for (int c = 0; c < cells; c++) {
        // features 0, 1: informative posteriors around the truth; feature 2: the population itself
        samples[f][c] = f < 2 ? normal(r, 8, real[f][c], 2) : normal(r, 8, 100, 10);
      }
    }
    PosteriorScores s = PosteriorScores.of(names, real, samples, 1);
    assertEquals(3, s.features().size());
    assertEquals(8, s.samplesPerCell());
    assertTrue(s.features().get(0).meanIg() > 0.5, "informative posterior gains");
    // a posterior that is the population itself gains nothing in expectation; with K = 8 samples
    // its KDE is a noisy copy of the population density, which costs about 1 nat
    assertEquals(-1, s.features().get(2).meanIg(), 0.5, "population-like posterior at K = 8");
    assertEquals(2, s.groups().size());
    assertEquals(FeatureGroup.AREA_SHAPE, s.groups().get(0).group());
    assertEquals("DNA", s.groups().get(1).channel());
    assertEquals(2, s.groups().get(1).featureCount());
    assertTrue(s.groups().get(1).ig().lower() > 0);
    assertEquals(1.0, java.util.Arrays.stream(s.pitHistogram()).sum(), 1e-9);
    assertArrayEquals(s.pitHistogram(), PosteriorScores.of(names, real, samples, 1).pitHistogram());
  }
}
