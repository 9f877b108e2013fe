package org.brightpaint.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.brightpaint.models.ModelKind;
import org.brightpaint.models.Preset;
import org.brightpaint.models.diffusion.DiffusionGenerator;
import org.brightpaint.models.diffusion.DiffusionLoopFixtures;
import org.brightpaint.models.diffusion.SingleThread;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffusionLoopTest {

  @BeforeAll
  static void oneThread() {
    SingleThread.use();
  }

  private static TrainingOptions options(long steps, Path out, long every, boolean resume) {
    TrainingOptions o = TrainingOptions.of(ModelKind.PALETTE, Preset.CI).withSteps(steps).withBatchAndSeed(2, 7)
        .withLearningRates(1e-3, 1e-3);
    return out == null ? o : o.withOutput(out, every, resume);
  }

  @Test
  void resumedRunReproducesTheUninterruptedLosses(@TempDir Path dir) throws Exception {
    for (ModelKind kind : new ModelKind[] {ModelKind.PALETTE, ModelKind.SPADE_DIFFUSION}) {
      PairedSource data = DiffusionLoopFixtures.source(5, 16);
      double[] whole;
      float[] wholePrediction;
      try (DiffusionGenerator g = DiffusionLoopFixtures.generator(kind, 11)) {
        whole = DiffusionLoop.fit(g, data, null, options(6, dir.resolve(kind + "-a"), 0, false), List.of()).losses();
        wholePrediction = DiffusionLoopFixtures.predict(g, data);
      }
      try (DiffusionGenerator g = DiffusionLoopFixtures.generator(kind, 11)) {
        DiffusionLoop.fit(g, data, null, options(3, dir.resolve(kind + "-b"), 3, false), List.of());
      }
      DiffusionLoop.Result resumed;
      float[] resumedPrediction;
      try (DiffusionGenerator g = DiffusionLoopFixtures.generator(kind, 11)) {
        resumed = DiffusionLoop.fit(g, data, null, options(6, dir.resolve(kind + "-b"), 3, true), List.of());
        resumedPrediction = DiffusionLoopFixtures.predict(g, data);
      }
      assertEquals(4, resumed.firstStep());
      assertEquals(6, resumed.history().size());
      assertArrayEquals(whole, resumed.losses(), 0.0, kind.cliName());
      assertArrayEquals(wholePrediction, resumedPrediction, 0f, kind.cliName());
    }
  }

  @Test
  void nanLossStopsWithAClearMessageAndKeepsTheCheckpoint(@TempDir Path dir) throws Exception {
    PairedSource good = DiffusionLoopFixtures.source(4, 16);
    try (DiffusionGenerator g = DiffusionLoopFixtures.generator(ModelKind.PALETTE, 1)) {
      DiffusionLoop.fit(g, good, null, options(2, dir, 2, false), List.of());
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
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> DiffusionLoop.fit(g, poisoned, null, options(5, dir, 1, true), List.of()));
      assertTrue(e.getMessage().contains("at step 3"), e.getMessage());
      assertTrue(e.getMessage().contains("last good checkpoint"), e.getMessage());
      assertTrue(e.getMessage().contains("step 2"), e.getMessage());
    }
    assertEquals(before, Files.getLastModifiedTime(dir.resolve("checkpoint/checkpoint.properties")).toMillis());
  }

  @Test
  void validationReportsOneRmsePerChannel() throws Exception {
    PairedSource data = DiffusionLoopFixtures.source(4, 16);
    try (DiffusionGenerator g = DiffusionLoopFixtures.generator(ModelKind.SPADE_DIFFUSION, 3)) {
      DiffusionLoop.Result r = DiffusionLoop.fit(g, data, data, options(2, null, 0, false), List.of());
      assertEquals(1, r.validations().size());
      ValidationResult v = r.validations().get(0);
      assertEquals(2, v.step());
      assertEquals(5, v.rmse().length);
      for (double x : v.rmse()) {
        assertTrue(x > 0 && x < 2, "RMSE " + x);
      }
    }
  }

  @Test
  void batchesFollowTheEpochPermutation() {
    int[] a = DiffusionLoop.batchIndices(6, 2, 3, 5, 1);
    int[] b = DiffusionLoop.batchIndices(6, 2, 3, 5, 2);
    int[] c = DiffusionLoop.batchIndices(6, 2, 3, 5, 3);
    boolean[] seen = new boolean[6];
    for (int[] x : new int[][] {a, b, c}) {
      for (int i : x) {
        assertTrue(!seen[i], "index " + i + " twice in one epoch");
        seen[i] = true;
      }
    }
    assertArrayEquals(a, DiffusionLoop.batchIndices(6, 2, 3, 5, 1));
  }
}
