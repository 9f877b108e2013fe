package org.brightpaint.models.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/**
 * The samplers against each other and against an analytic denoiser. With data concentrated on
 * one image x*, the exact noise predictor is eps(x_t) = (x_t - sqrt(abar_t) x*) / sqrt(1 - abar_t).
 */
class SamplerTest {

  @org.junit.jupiter.api.BeforeAll
  static void oneThread() {
    org.brightpaint.training.EngineThreads.set(1);
  }

  private static final Shape SHAPE = new Shape(1, 2, 2, 2);
  private static final float[] TARGET = {0.5f, -0.25f, 0.75f, 0f, -0.5f, 0.125f, 0.9f, -0.9f};

  private static NoisePredictor analytic(NoiseSchedule s, NDArray target) {
    return (x, i) -> x.sub(target.mul(Math.sqrt(s.alphaBar(i)))).div(Math.sqrt(1 - s.alphaBar(i)));
  }

  /** A predictor that is not the exact one (so that clipping and mixing matter). */
  private static NoisePredictor crooked(NDArray target) {
    return (x, i) -> x.mul(0.8).add(target.mul(0.3)).sub(0.05 * (i % 7));
  }

  @Test
  void ddimWithEtaOneAndAllStepsIsTheDdpmPath() {
    NoiseSchedule s = NoiseSchedule.linear(40, 1e-3, 0.2);
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray target = m.create(TARGET, SHAPE);
      NDArray start = SeededNoise.of(7).normal(m, SHAPE);
      NDArray ddpm = DdpmSampler.sample(s, crooked(target), start, SeededNoise.of(11));
      NDArray ddim = DdimSampler.sample(s, crooked(target), start, 40, 1.0, SeededNoise.of(11));
      float[] a = ddpm.toFloatArray();
      float[] b = ddim.toFloatArray();
      for (int k = 0; k < a.length; k++) {
        assertEquals(a[k], b[k], 1e-4, "pixel " + k);
      }
    }
  }

  @Test
  void deterministicDdimRecoversTheDataPointWithAnyStepCount() {
    NoiseSchedule s = NoiseSchedule.spadeDiffusion();
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray target = m.create(TARGET, SHAPE);
      NDArray start = SeededNoise.of(1).normal(m, SHAPE);
      for (int steps : new int[] {1000, 50, 5}) {
        float[] out = DdimSampler.sample(s, analytic(s, target), start, steps, 0, SeededNoise.of(2))
            .toFloatArray();
        for (int k = 0; k < out.length; k++) {
          assertEquals(TARGET[k], out[k], 1e-4, steps + " steps, pixel " + k);
        }
      }
      float[] ddpm = DdpmSampler.sample(s, analytic(s, target), start, SeededNoise.of(5)).toFloatArray();
      for (int k = 0; k < ddpm.length; k++) {
        assertEquals(TARGET[k], ddpm[k], 1e-4, "DDPM pixel " + k);
      }
    }
  }

  @Test
  void fewStepDdimGivesFiniteOutputInRange() {
    NoiseSchedule s = NoiseSchedule.paletteTest();
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray target = m.create(TARGET, SHAPE);
      NDArray start = SeededNoise.of(4).normal(m, SHAPE).mul(3);
      for (double eta : new double[] {0, 0.5, 1}) {
        float[] out = DdimSampler.sample(s, crooked(target), start, 3, eta, SeededNoise.of(9)).toFloatArray();
        for (float v : out) {
          assertTrue(Float.isFinite(v) && v >= -1 && v <= 1, "eta " + eta + " gave " + v);
        }
      }
    }
  }

  @Test
  void qSampleIsTheClosedForm() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x0 = m.create(new float[] {1, -1}, new Shape(2, 1, 1, 1));
      NDArray eps = m.create(new float[] {2, 3}, new Shape(2, 1, 1, 1));
      float[] out = Diffusion.qSample(x0, eps, m.create(new float[] {0.64f, 0.36f})).toFloatArray();
      assertEquals(0.8 + 0.6 * 2, out[0], 1e-6);
      assertEquals(-0.6 + 0.8 * 3, out[1], 1e-6);
    }
  }
}
