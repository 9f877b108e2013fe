package org.brightpaint.eval;

import static org.junit.jupiter.api.Assertions.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatisticsTest {

  @Test
  void wilcoxonExactAllPositiveIsTwoOver2PowN() {
    // five positive untied differences: W+ = 15, P(W+ >= 15) = 1/32, two-sided 2/32
    TestResult r = Wilcoxon.test(new double[] {1, 2, 3, 4, 5}, new double[] {0, 0, 0, 0, 0});
    assertEquals(15, r.statistic());
    assertEquals(0.0625, r.p(), 1e-12);
    assertTrue(r.test().contains("exact"));
  }

  @Test
  void wilcoxonExactMatchesScipy() {
    // scipy.stats.wilcoxon(x, y) -> statistic=5.0 (= min(W+, W-)), p=0.0390625
    double[] x = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
    double[] y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};
    TestResult r = Wilcoxon.test(x, y);
    assertEquals(40, r.statistic()); // W+ = 45 - 5
    assertEquals(0.0390625, r.p(), 1e-12);
  }

  @Test
  void wilcoxonNormalApproximationWithTiesAndZerosMatchesScipy() {
    double[] a = {0.3, 0.8, 0.3, -1.3, 0.9, 0.4, -0.5, 0.6, 0.4, 0.3, 0.0, 0.5, -0.7, -0.2, -0.5, 0.6, 0.0, -0.3, -0.8, -0.3, 0.0, -0.3, 1.3, 1.0, -2.7, -1.9, -0.2, -0.4, 0.2, 0.2, 2.1, -1.1, -0.4, 2.0, 0.6, 0.7, -0.5, -1.6, 0.2, 0.1};
    double[] b = {-0.6, 0.4, 0.5, -1.9, 1.1, 0.8, -0.2, 0.4, 1.3, 1.5, 0.6, -0.0, 0.3, -0.4, 0.7, -0.2, 1.2, -0.0, -1.7, -0.3, 0.4, 0.3, 0.6, 0.2, -2.2, -2.1, 0.3, 0.7, -1.1, 0.8, 3.6, -1.1, -0.9, 3.1, 1.2, 1.9, -0.5, -2.8, 0.4, -0.0};
    // scipy.stats.wilcoxon(a, b, correction=False, mode='approx') -> statistic=258.0, p=0.15815894208895775
    TestResult r = Wilcoxon.test(a, b);
    assertTrue(r.test().contains("normal"));
    double wMinus = r.n() * (r.n() + 1) / 2.0 - r.statistic();
    assertEquals(258.0, Math.min(r.statistic(), wMinus), 1e-9);
    assertEquals(0.15815894208895775, r.p(), 1e-6);
  }

  @Test
  void wilcoxonAllZeroDifferencesGivesPOne() {
    TestResult r = Wilcoxon.test(new double[] {1, 2}, new double[] {1, 2});
    assertEquals(0, r.n());
    assertEquals(1.0, r.p());
  }

  @Test
  void mannWhitneyMatchesHandAndScipy() {
    TestResult r = MannWhitney.test(new double[] {1, 2, 3}, new double[] {4, 5, 6});
    assertEquals(0, r.statistic());
    assertEquals(0.1, r.p(), 1e-12); // 2 / C(6,3)
    TestResult e = MannWhitney.test(new double[] {1.1, 2.5, 3.3, 7.0, 0.2}, new double[] {4.0, 5.5, 6.1, 0.9, 8.8, 9.9});
    assertEquals(7, e.statistic());
    assertEquals(0.17748917748917747, e.p(), 1e-12);
    TestResult t = MannWhitney.test(new double[] {1, 2, 2, 3, 3, 3, 9}, new double[] {2, 4, 4, 5, 6, 6, 7, 8});
    assertEquals(12, t.statistic());
    assertEquals(0.06170669002831265, t.p(), 1e-6);
  }

  @Test
  void holmAdjustsStepDownAndKeepsOrder() {
    // sorted 0.01, 0.02, 0.03, 0.5 -> 0.04, 0.06, 0.06 (monotone), 0.5
    double[] adj = Holm.adjust(new double[] {0.03, 0.01, 0.5, 0.02});
    assertArrayEquals(new double[] {0.06, 0.04, 0.5, 0.06}, adj, 1e-12);
    assertThrows(IllegalArgumentException.class, () -> Holm.adjust(new double[] {Double.NaN}));
  }

  @Test
  void pairedComparisonsFlagsOnlyTheRealDifference() {
    Map<String, double[]> g = new LinkedHashMap<>();
    double[] base = new double[20];
    double[] shifted = new double[20];
    double[] noisy = new double[20];
    for (int i = 0; i < 20; i++) {
      base[i] = 0.5 + 0.01 * i;
      shifted[i] = base[i] + 0.1 + 0.001 * i;
      noisy[i] = base[i] + (i % 2 == 0 ? 0.003 : -0.003) * (1 + i % 3);
    }
    g.put("unet", base);
    g.put("pix2pix", shifted);
    g.put("spade", noisy);
    PairedComparisons pc = PairedComparisons.of(g, 0.05);
    assertEquals(3, pc.rows().size());
    assertTrue(pc.rows().get(0).significant());   // unet vs pix2pix
    var pix2pixSpade = pc.rows().get(2);
    assertEquals(List.of("pix2pix", "spade"), List.of(pix2pixSpade.a(), pix2pixSpade.b()));
    assertTrue(pix2pixSpade.significant(), "the shift of 0.1 separates pix2pix from spade");
    var unetSpade = pc.rows().get(1);
    assertEquals("spade", unetSpade.b());
    assertFalse(unetSpade.significant());
    assertEquals(3, pc.toTable("t").rowCount());
  }
}
