package org.brightpaint.models.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.brightpaint.image.FloatImage;
import org.brightpaint.models.Generator;
import org.brightpaint.models.Generators;
import org.brightpaint.models.ModelKind;
import org.brightpaint.models.Sampling;
import org.brightpaint.models.TiledPrediction;
import org.brightpaint.training.Adam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffusionGeneratorTest {

  @org.junit.jupiter.api.BeforeAll
  static void oneThread() {
    org.brightpaint.training.EngineThreads.set(1);
  }

  private static final ModelKind[] KINDS = {ModelKind.PALETTE, ModelKind.SPADE_DIFFUSION};

  @Test
  void predictGivesFiveChannelsInRangeWithEverySampler() {
    for (ModelKind kind : KINDS) {
      try (DiffusionGenerator g = TinyDiffusion.generator(kind, 16, TinyDiffusion.diffusion(kind), 1);
          NDManager m = NDManager.newBaseManager()) {
        NDArray bf = TinyDiffusion.source(2, 16).batch(new int[] {0, 1}, m).get(0);
        for (Sampling s : List.of(new Sampling(Sampling.Sampler.DDIM, 4, 1), new Sampling(Sampling.Sampler.DDPM, 6, 1))) {
          NDArray out = g.predict(bf, s);
          assertEquals(new Shape(2, 5, 16, 16), out.getShape(), kind + " " + s);
          for (float v : out.toFloatArray()) {
            assertTrue(Float.isFinite(v) && v >= -1 && v <= 1, kind + " " + s + " gave " + v);
          }
        }
        NDArray guided = g.sample(bf, new Sampling(Sampling.Sampler.DDIM, 3, 1), 0.5, 1.5);
        assertEquals(new Shape(2, 5, 16, 16), guided.getShape());
        assertThrows(IllegalArgumentException.class, () -> g.predict(m.zeros(new Shape(1, 3, 15, 16))));
      }
    }
  }

  @Test
  void describeSaysHowTheConditionEntersAndCountsParameters() {
    String palette = DiffusionGenerator.describe(ModelKind.PALETTE, org.brightpaint.models.Preset.CI);
    String sdm = DiffusionGenerator.describe(ModelKind.SPADE_DIFFUSION, org.brightpaint.models.Preset.CI);
    assertTrue(palette.contains("brightfield (3) concatenated"), palette);
    assertTrue(sdm.contains("noisy fluorescence x_t only (5 channels)"), sdm);
    assertTrue(palette.contains("16 @ 64px, 32 @ 32px, 64 @ 16px"), palette);
  }

  @Test
  void parameterCountExcludesTheEmaCopy() {
    try (DiffusionGenerator g = TinyDiffusion.generator(ModelKind.PALETTE, 16,
        TinyDiffusion.diffusion(ModelKind.PALETTE), 1)) {
      long online = 0;
      for (var p : g.denoiser().getParameters()) {
        online += p.getValue().getArray().size();
      }
      assertEquals(online, g.parameterCount());
    }
  }

  /**
   * Overfitting one crop: at a fixed noise level and fixed noise the denoiser must learn to output
   * that noise; the noise-prediction loss falls by at least 90% within 150 Adam steps.
   */
  @Test
  void eachDenoiserOverfitsOneCropAtFixedNoise() {
    for (ModelKind kind : KINDS) {
      DiffusionOptions d = TinyDiffusion.diffusion(kind);
      try (DiffusionGenerator g = TinyDiffusion.generator(kind, 16, d, 5);
          NDManager m = NDManager.newBaseManager();
          Adam adam = new Adam(0.9, 0.999, 1e-8, g.manager())) {
        NDList pair = TinyDiffusion.source(1, 16).batch(new int[] {0}, m);
        NDArray eps = SeededNoise.of(9).normal(m, new Shape(1, 5, 16, 16));
        int t = d.noiseInput() == NoiseInput.TIMESTEP ? 300 : 30;
        double ab = d.trainSchedule().alphaBar(t);
        NDArray xt = Diffusion.qSample(pair.get(1), eps, ab);
        NDArray level = m.create(new float[] {
            d.noiseInput() == NoiseInput.TIMESTEP ? t : (float) (NoiseInput.LEVEL_SCALE * ab)});
        double first = Double.NaN;
        double last = Double.NaN;
        int step = 0;
        for (; step < 150 && !(last <= 0.1 * first); step++) {
          try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray loss = g.denoiser().predictNoise(xt, level, pair.get(0), false).sub(eps).square().mean();
            last = loss.getFloat();
            gc.backward(loss);
          }
          if (step == 0) {
            first = last;
          }
          adam.step(g.denoiser(), 3e-3);
        }
        System.out.printf("%s overfit: loss %.4f -> %.4f in %d steps%n", kind, first, last, step);
        assertTrue(last <= 0.1 * first, kind + ": loss " + first + " -> " + last);
      }
    }
  }

  @Test
  void saveThenLoadGivesIdenticalPredictions(@TempDir Path dir) throws Exception {
    for (ModelKind kind : KINDS) {
      Path where = dir.resolve(kind.cliName());
      float[] before;
      try (DiffusionGenerator g = TinyDiffusion.generator(kind, 16, TinyDiffusion.diffusion(kind), 2);
          NDManager m = NDManager.newBaseManager()) {
        // move the EMA away from the online weights so that saving both matters
        Ema.update(g.emaDenoiser(), g.denoiser(), 0.0);
        g.denoiser().getParameters().valueAt(0).getArray().addi(0.5f);
        NDArray bf = TinyDiffusion.source(1, 16).batch(new int[] {0}, m).get(0);
        before = g.predict(bf).toFloatArray();
        g.save(where);
      }
      try (Generator loaded = Generators.load(where, kind, Device.cpu());
          NDManager m = NDManager.newBaseManager()) {
        assertInstanceOf(DiffusionGenerator.class, loaded);
        DiffusionGenerator dg = (DiffusionGenerator) loaded;
        assertEquals(TinyDiffusion.diffusion(kind), dg.diffusionOptions());
        NDArray bf = TinyDiffusion.source(1, 16).batch(new int[] {0}, m).get(0);
        assertArrayEquals(before, loaded.predict(bf).toFloatArray(), 0f);
        // the online weights came back too, different from the EMA ones
        float online = dg.denoiser().getParameters().valueAt(0).getArray().sum().getFloat();
        float ema = dg.emaDenoiser().getParameters().valueAt(0).getArray().sum().getFloat();
        assertFalse(online == ema);
      }
    }
    assertThrows(IllegalArgumentException.class,
        () -> Generators.load(dir.resolve("palette"), ModelKind.SPADE_DIFFUSION, Device.cpu()));
  }

  @Test
  void perChannelModeBehavesAsOneGenerator() {
    DiffusionOptions d = TinyDiffusion.diffusion(ModelKind.PALETTE).withPerChannel(true);
    try (DiffusionGenerator g = TinyDiffusion.generator(ModelKind.PALETTE, 16, d, 1);
        NDManager m = NDManager.newBaseManager()) {
      assertInstanceOf(PerChannelDenoiser.class, g.denoiser());
      assertEquals(5, ((PerChannelDenoiser) g.denoiser()).members().size());
      NDArray bf = TinyDiffusion.source(1, 16).batch(new int[] {0}, m).get(0);
      assertEquals(new Shape(1, 5, 16, 16), g.predict(bf).getShape());
    }
  }

  @Test
  void wholeImagesArePredictedByTiles() {
    try (DiffusionGenerator g = TinyDiffusion.generator(ModelKind.SPADE_DIFFUSION, 16,
        TinyDiffusion.diffusion(ModelKind.SPADE_DIFFUSION), 1)) {
      List<FloatImage> planes = new ArrayList<>();
      for (int p = 0; p < 3; p++) {
        float[] px = new float[30 * 21];
        for (int i = 0; i < px.length; i++) {
          px[i] = (float) Math.sin(i * 0.01 * (p + 1));
        }
        planes.add(new FloatImage(30, 21, px));
      }
      List<FloatImage> out = TiledPrediction.predict(g, planes, 16, 4, new Sampling(Sampling.Sampler.DDIM, 3, 0));
      assertEquals(5, out.size());
      assertEquals(30, out.get(0).width());
      assertEquals(21, out.get(0).height());
    }
  }
}
