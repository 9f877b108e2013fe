package org.brightpaint.models.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NoiseScheduleTest {

  @Test
  void linearScheduleMatchesClosedForm() {
    NoiseSchedule s = NoiseSchedule.linear(3, 0.1, 0.3);
    assertArrayEquals(new double[] {0.1, 0.2, 0.3}, s.betas(), 1e-15);
    assertArrayEquals(new double[] {0.9, 0.8, 0.7}, s.alphas(), 1e-15);
    assertArrayEquals(new double[] {0.9, 0.72, 0.504}, s.alphaBars(), 1e-15);
    // beta-tilde_2 = (1 - 0.9) / (1 - 0.72) * 0.2
    assertEquals(0.1 / 0.28 * 0.2, s.posteriorVariance(1), 1e-15);
    assertEquals(0.0, s.posteriorVariance(0), 0.0);
    assertEquals(1.0, s.alphaBarPrev(0), 0.0);
  }

  @Test
  void referenceSchedulesHaveTheirEndpointsAndLengths() {
    NoiseSchedule train = NoiseSchedule.paletteTrain();
    assertEquals(2000, train.steps());
    assertEquals(1e-6, train.betas()[0], 1e-18);
    assertEquals(0.01, train.betas()[1999], 1e-15);
    NoiseSchedule test = NoiseSchedule.paletteTest();
    assertEquals(1000, test.steps());
    assertEquals(0.09, test.betas()[999], 1e-15);
    NoiseSchedule sdm = NoiseSchedule.spadeDiffusion();
    assertEquals(1e-4, sdm.betas()[0], 1e-18);
    assertEquals(0.02, sdm.betas()[999], 1e-15);
    // alpha-bar_T = prod (1 - beta_t); for DDPM's schedule this is 4.036e-5 (Ho et al. 2020)
    double log = 0;
    for (int i = 0; i < 1000; i++) {
      log += Math.log(1 - (1e-4 + (0.02 - 1e-4) * i / 999.0));
    }
    assertEquals(Math.exp(log), sdm.alphaBar(999), 1e-12);
    assertEquals(4.04e-5, sdm.alphaBar(999), 0.01e-5);
  }

  @Test
  void rejectsBadBetas() {
    assertThrows(IllegalArgumentException.class, () -> NoiseSchedule.linear(1, 0.1, 0.2));
    assertThrows(IllegalArgumentException.class, () -> NoiseSchedule.linear(10, 0.1, 1.2));
    assertThrows(IllegalArgumentException.class, () -> NoiseSchedule.fromBetas(new double[] {0.1, 0}));
  }

  @Test
  void respacingSpreadsStepsEvenly() {
    assertArrayEquals(new int[] {0, 1, 2, 3}, DdimSampler.respace(4, 4));
    assertArrayEquals(new int[] {0, 500, 999}, DdimSampler.respace(1000, 3));
    assertArrayEquals(new int[] {9}, DdimSampler.respace(10, 1));
    assertThrows(IllegalArgumentException.class, () -> DdimSampler.respace(10, 11));
  }
}
