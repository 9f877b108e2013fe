package org.brightpaint.models.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Properties;
import org.brightpaint.models.ModelKind;
import org.brightpaint.models.Preset;
import org.brightpaint.models.Sampling;
import org.junit.jupiter.api.Test;

class PredictionTest {

  private static final float[] X0 = {0.5f, -1f, 0f, 0.25f};
  private static final float[] EPS = {1f, 0.5f, -2f, 0f};

  @Test
  void vTargetMatchesClosedForm() {
    try (NDManager m = NDManager.newBaseManager()) {
      // a = 0.64: sqrt(a) = 0.8, sqrt(1 - a) = 0.6; v = 0.8 eps - 0.6 x0
      NDArray v = Prediction.V.target(m.create(X0, new Shape(1, 1, 2, 2)), m.create(EPS, new Shape(1, 1, 2, 2)),
          m.create(new float[] {0.64f}));
      assertArrayEquals(new float[] {0.5f, 1.0f, -1.6f, -0.15f}, v.toFloatArray(), 1e-6f);
      NDArray e = Prediction.EPSILON.target(m.create(X0, new Shape(1, 1, 2, 2)),
          m.create(EPS, new Shape(1, 1, 2, 2)), m.create(new float[] {0.64f}));
      assertArrayEquals(EPS, e.toFloatArray(), 0f);
    }
  }

  @Test
  void epsVAndStartConvertExactly() {
    try (NDManager m = NDManager.newBaseManager()) {
      for (double a : new double[] {0.64, 0.5, 1e-4, 0.9999}) {
        NDArray x0 = m.create(X0, new Shape(1, 1, 2, 2));
        NDArray eps = m.create(EPS, new Shape(1, 1, 2, 2));
        NDArray xt = Diffusion.qSample(x0, eps, a);
        NDArray v = Prediction.V.target(x0, eps, m.create(new float[] {(float) a}));
        assertArrayEquals(X0, Prediction.V.start(xt, v, a).toFloatArray(), 1e-5f, "x0 from v at a = " + a);
        assertArrayEquals(EPS, Prediction.V.noise(xt, v, a).toFloatArray(), 1e-5f, "eps from v at a = " + a);
        assertArrayEquals(EPS, Prediction.EPSILON.noise(xt, eps, a).toFloatArray(), 0f);
        if (a > 0.01) {
          // eps -> x0 divides by sqrt(a): exact only away from a = 0 (the reason for V)
          assertArrayEquals(X0, Prediction.EPSILON.start(xt, eps, a).toFloatArray(), 1e-5f, "x0 from eps at " + a);
        }
        assertArrayEquals(Diffusion.predictStart(xt, eps, a).toFloatArray(),
            Prediction.EPSILON.clippedStart(xt, eps, a).toFloatArray(), 0f);
      }
    }
  }

  @Test
  void vStartStaysBoundedAtPureNoiseWhereEpsilonBlowsUp() {
    try (NDManager m = NDManager.newBaseManager()) {
      double a = 1e-8;
      NDArray xt = m.create(new float[] {1f, -1f});
      NDArray out = m.create(new float[] {0.9f, -1.1f});
      // eps error of 0.1 at a = 1e-8 moves x0 by 0.1 / 1e-4 = 1000; v output gives x0 ~ -v
      assertArrayEquals(new float[] {1000.0f, 1000.0f},
          Prediction.EPSILON.start(xt, out, a).toFloatArray(), 1f);
      // x0 = sqrt(a) x_t - sqrt(1 - a) v = 1e-4 x_t - v
      assertArrayEquals(new float[] {-0.8999f, 1.0999f}, Prediction.V.start(xt, out, a).toFloatArray(), 1e-5f);
    }
  }

  @Test
  void ciPresetPredictsVPaperKeepsEpsilonAndTheChoiceIsSaved() {
    for (ModelKind k : new ModelKind[] {ModelKind.PALETTE, ModelKind.SPADE_DIFFUSION}) {
      assertEquals(Prediction.EPSILON, DiffusionOptions.of(k, Preset.PAPER).prediction());
      DiffusionOptions ci = DiffusionOptions.of(k, Preset.CI);
      assertEquals(Prediction.V, ci.prediction());
      Properties p = new Properties();
      ci.writeTo(p);
      assertEquals("V", p.getProperty("diffusion.prediction"));
      assertEquals(ci, DiffusionOptions.readFrom(p, "test.properties"));
      // files written before the option existed hold epsilon-prediction weights
      p.remove("diffusion.prediction");
      assertEquals(Prediction.EPSILON, DiffusionOptions.readFrom(p, "old.properties").prediction());
    }
  }
  /**
   * The ci preset samples with DDIM-2 (README "Diffusion models at ci": at 10 steps the 400-step
   * denoisers' DNA scored normalised SSIM 0.12-0.13 against the mean image's 0.40, at 2 steps
   * 0.25-0.28 on 8 sites, with lower MSE than the mean image); the paper preset keeps DDIM-50.
   */
  @Test
  void ciPresetSamplesWithTwoDdimStepsPaperWithFifty() {
    for (ModelKind k : new ModelKind[] {ModelKind.PALETTE, ModelKind.SPADE_DIFFUSION}) {
      assertEquals(new Sampling(Sampling.Sampler.DDIM, 2, 0), DiffusionOptions.of(k, Preset.CI).sampling());
      assertEquals(new Sampling(Sampling.Sampler.DDIM, 50, 0), DiffusionOptions.of(k, Preset.PAPER).sampling());
    }
  }

  /**
   * t = min(T - 1, floor(T u^(1/k))): uniform for k = 1, otherwise the density k x^(k-1) of t / T,
   * so P(t >= T/2) = 1 - 2^-k (0.875 for k = 3) in closed form and by counting 100,000 draws.
   */
  @Test
  void timestepPowerMapsUniformDrawsInClosedForm() {
    DiffusionOptions paper = DiffusionOptions.of(ModelKind.PALETTE, Preset.PAPER);
    assertEquals(1.0, paper.timestepPower());
    assertEquals(500, paper.trainStepAt(0.25)); // T = 2000: floor(2000 * 0.25)
    DiffusionOptions k3 = paper.withTimestepPower(3);
    assertEquals(1000, k3.trainStepAt(0.125)); // 2000 * 0.125^(1/3) = 1000
    assertEquals(0, k3.trainStepAt(0));
    assertEquals(1999, k3.trainStepAt(Math.nextDown(1.0)));
    java.util.Random r = new java.util.Random(7);
    int n = 100_000;
    int upper = 0;
    for (int i = 0; i < n; i++) {
      int t = k3.trainStepAt(r.nextDouble());
      if (t >= 1000) {
        upper++;
      }
    }
    assertEquals(0.875, upper / (double) n, 0.005);
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> paper.withTimestepPower(0.5));
  }

  @Test
  void ciPresetDrawsTimestepsWithPowerSixPaperUniformly() {
    for (ModelKind k : new ModelKind[] {ModelKind.PALETTE, ModelKind.SPADE_DIFFUSION}) {
      assertEquals(6.0, DiffusionOptions.of(k, Preset.CI).timestepPower());
      assertEquals(1.0, DiffusionOptions.of(k, Preset.PAPER).timestepPower());
    }
  }

  @Test
  void timestepPowerIsSavedAndOldFilesReadAsUniform() {
    DiffusionOptions ci = DiffusionOptions.of(ModelKind.SPADE_DIFFUSION, Preset.CI).withTimestepPower(3);
    Properties p = new Properties();
    ci.writeTo(p);
    assertEquals(ci, DiffusionOptions.readFrom(p, "test.properties"));
    p.remove("diffusion.timestepPower");
    assertEquals(1.0, DiffusionOptions.readFrom(p, "old.properties").timestepPower());
  }
}
