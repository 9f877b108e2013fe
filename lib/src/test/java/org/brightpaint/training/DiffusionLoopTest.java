package org.brightpaint.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import org.brightpaint.models.ModelKind;
import org.brightpaint.models.Preset;
import org.brightpaint.models.diffusion.DiffusionGenerator;
import org.brightpaint.models.diffusion.DiffusionLoopFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffusionLoopTest {

  @BeforeAll
  static void oneThread() {
    org.brightpaint.training.EngineThreads.set(1);
  }

  private static TrainingOptions options(long steps, Path out, long every, boolean resume) {
    TrainingOptions c = TrainingOptions.of(ModelKind.PALETTE, Preset.CI).withSteps(steps).withBatchAndSeed(2, 7)
        .withLearningRates(1e-3, 1e-3);
    // a constant rate: the 3-step run below stands for the first half of the 6-step one, and the ci
    // preset's decay over the last half of a run would give the two different rates at steps 2 and 3
    TrainingOptions o = new TrainingOptions(c.steps(), c.batchSize(), c.learningRate(), c.discriminatorLearningRate(),
        c.beta1(), c.beta2(), 0, c.l1Weight(), c.featureMatchingWeight(), c.checkpointEvery(), c.validationImages(),
        c.seed(), c.device(), c.outDir(), c.resume());
    return out == null ? o : o.withOutput(out, every, resume);
  }

  @Test
  void resumedRunReproducesTheUninterruptedLosses(@TempDir Path dir) throws Exception {
    for (ModelKind kind : new ModelKind[] {ModelKind.PALETTE, ModelKind.SPADE_DIFFUSION}) {
      PairedSource data = DiffusionLoopFixtures.source(5, 16);
      double[] whole;
      float[] wholePrediction;
      try (DiffusionGenerator g = DiffusionLoopFixtures.generator(kind, 11)) {
        whole = losses(run(g, data, null, options(6, dir.resolve(kind + "-a"), 0, false)));
        wholePrediction = DiffusionLoopFixtures.predict(g, data);
      }
      try (DiffusionGenerator g = DiffusionLoopFixtures.generator(kind, 11)) {
        run(g, data, null, options(3, dir.resolve(kind + "-b"), 3, false));
      }
      TrainingState resumed;
      float[] resumedPrediction;
      // A different seed for the fresh weights: resume must overwrite them all.
      try (DiffusionGenerator g = DiffusionLoopFixtures.generator(kind, 99)) {
        resumed = run(g, data, null, options(6, dir.resolve(kind + "-b"), 3, true));
        resumedPrediction = DiffusionLoopFixtures.predict(g, data);
      }
      assertEquals(6, resumed.step());
      assertEquals(6, resumed.history().size());
      assertArrayEquals(whole, losses(resumed), 0.0, kind.cliName());
      assertArrayEquals(wholePrediction, resumedPrediction, 0f, kind.cliName());
      // the checkpoint's generator folder loads on its own (with its diffusion.* options)
      Path saved = dir.resolve(kind + "-b").resolve("checkpoint").resolve(CheckpointFiles.GENERATOR);
      try (org.brightpaint.models.Generator loaded = org.brightpaint.models.Generators.load(saved,
          ai.djl.Device.cpu());
          DiffusionGenerator fresh = DiffusionLoopFixtures.generator(kind, 11)) {
        DiffusionGenerator d = assertInstanceOf(DiffusionGenerator.class, loaded);
        assertEquals(fresh.diffusionOptions(), d.diffusionOptions());
        assertArrayEquals(resumedPrediction, DiffusionLoopFixtures.predict(d, data), 1e-6f, kind.cliName());
      }
    }
  }

  @Test
  void nanLossStopsWithAClearMessageAndKeepsTheCheckpoint(@TempDir Path dir) throws Exception {
    PairedSource good = DiffusionLoopFixtures.source(4, 16);
    try (DiffusionGenerator g = DiffusionLoopFixtures.generator(ModelKind.PALETTE, 1)) {
      run(g, good, null, options(2, dir, 2, false));
    }
    long before = Files.getLastModifiedTime(dir.resolve("checkpoint/checkpoint.properties")).toMillis();
    PairedSource poisoned = new PairedSource() {
      @Override
      public int size() {
        return 4;
      }

      @Override
      public NDList get(int index, NDManager manager) {
        NDList p = good.get(index, manager);
        return new NDList(p.get(0), p.get(1).mul(Float.NaN));
      }
    };
    try (DiffusionGenerator g = DiffusionLoopFixtures.generator(ModelKind.PALETTE, 1)) {
      TrainingException e = assertThrows(TrainingException.class,
          () -> run(g, poisoned, null, options(5, dir, 1, true)));
      assertTrue(e.getMessage().contains("at step 3"), e.getMessage());
      assertTrue(e.getMessage().contains("last good checkpoint"), e.getMessage());
      assertTrue(e.getMessage().contains(dir.resolve("checkpoint").toString()), e.getMessage());
    }
    assertEquals(before, Files.getLastModifiedTime(dir.resolve("checkpoint/checkpoint.properties")).toMillis());
  }

  @Test
  void validationReportsOneRmsePerChannel() throws Exception {
    PairedSource data = DiffusionLoopFixtures.source(4, 16);
    try (DiffusionGenerator g = DiffusionLoopFixtures.generator(ModelKind.SPADE_DIFFUSION, 3)) {
      TrainingState r = run(g, data, data, options(2, null, 0, false));
      assertEquals(1, r.validations().size());
      ValidationResult v = r.validations().get(0);
      assertEquals(2, v.step());
      assertEquals(5, v.rmse().length);
      for (double x : v.rmse()) {
        assertTrue(x > 0 && x < 2, "RMSE " + x);
      }
    }
  }

  private static TrainingState run(DiffusionGenerator g, PairedSource train, PairedSource validation,
      TrainingOptions o) throws java.io.IOException {
    try (DiffusionLoop loop = new DiffusionLoop(g, o, train, validation)) {
      return loop.fit();
    }
  }

  private static double[] losses(TrainingState s) {
    return s.history().stream().mapToDouble(StepLog::mainLoss).toArray();
  }
}
