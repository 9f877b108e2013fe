package org.brightpaint.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pix2Pix's BatchNorm at inference uses the statistics of the image being predicted, as Isola et
 * al. (2017, section 3.3) and pix2pix's {@code test.py} do, not the running averages of training;
 * and each image of a batch is normalised on its own, so tiled prediction stays independent of how
 * tiles are batched.
 */
class Pix2PixTestStatisticsTest {

  @BeforeAll
  static void oneThread() {
    org.brightpaint.training.EngineThreads.set(1);
  }

  /** A tiny Pix2Pix without dropout, so that training mode differs from inference only in the norms. */
  private static GeneratorOptions tinyWithoutDropout() {
    GeneratorOptions o = GeneratorOptions.of(ModelKind.PIX2PIX, Preset.CI).withImageSize(16).withWidth(4, 4);
    return new GeneratorOptions(o.kind(), o.preset(), o.imageSize(), o.baseWidth(), o.depth(), o.conditionHidden(), 0,
        o.inputs(), o.outputs());
  }

  private static float[] forwardTraining(Generator g, NDArray bf) {
    return g.network().forward(new ParameterStore(g.manager(), false), new NDList(bf), true).singletonOrThrow()
        .toFloatArray();
  }

  @Test
  void inferenceNormalisesWithTheImagesOwnStatistics() {
    Engine.getInstance().setRandomSeed(3);
    try (Generator g = Generators.create(tinyWithoutDropout(), Device.cpu()); NDManager m = NDManager.newBaseManager()) {
      // inputs far from zero mean and unit variance, so that running averages (0 and 1 at first)
      // and the image's own statistics normalise differently
      NDArray bf = m.randomUniform(0.2f, 0.9f, new Shape(1, 3, 16, 16));
      float[] predicted = g.predict(bf).toFloatArray();
      // with one image, training mode's batch statistics are that image's statistics
      float[] training = forwardTraining(g, bf);
      assertArrayEquals(training, predicted, 1e-4f, "inference = the forward pass normalised by the image's statistics");
      // and the running averages that training mode just updated do not enter inference
      assertArrayEquals(predicted, g.predict(bf).toFloatArray(), 0f);
    }
  }

  @Test
  void eachImageOfABatchIsNormalisedOnItsOwn() {
    Engine.getInstance().setRandomSeed(4);
    try (Generator g = Generators.create(GeneratorShapesTest.tiny(ModelKind.PIX2PIX), Device.cpu());
        NDManager m = NDManager.newBaseManager()) {
      NDArray a = m.randomUniform(-1, 1, new Shape(1, 3, 16, 16));
      NDArray b = m.randomUniform(0.5f, 1, new Shape(1, 3, 16, 16));
      float[] alone = g.predict(a).toFloatArray();
      float[] batched = g.predict(a.concat(b, 0)).get("0:1").toFloatArray();
      assertArrayEquals(alone, batched, 1e-6f, "image 0 predicted alone and beside another image");
      assertEquals(5 * 16 * 16, alone.length);
    }
  }
}
