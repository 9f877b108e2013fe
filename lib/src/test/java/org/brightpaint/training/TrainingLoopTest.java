package org.brightpaint.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.brightpaint.models.DeviceChoice;
import org.brightpaint.models.Generator;
import org.brightpaint.models.GeneratorOptions;
import org.brightpaint.models.Generators;
import org.brightpaint.models.ModelKind;
import org.brightpaint.models.Preset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervised and adversarial loops on tiny tensors: overfitting, exact resume, NaN handling. */
class TrainingLoopTest {

  @org.junit.jupiter.api.BeforeAll
  static void oneThread() {
    org.brightpaint.training.EngineThreads.set(1);
  }

  static GeneratorOptions options(ModelKind kind, int size) {
    GeneratorOptions o = GeneratorOptions.of(kind, Preset.CI).withImageSize(size);
    return kind == ModelKind.UNET ? o.withWidth(8, 3) : o.withWidth(8, Integer.numberOfTrailingZeros(size) - 1);
  }

  static TrainingOptions training(ModelKind kind, long steps, int batch) {
    return TrainingOptions.of(kind, Preset.CI).withSteps(steps).withBatchAndSeed(batch, 7);
  }

  static Generator generator(GeneratorOptions o, long seed) {
    Seeds.seedEngine(seed, 0);
    return Generators.create(o, DeviceChoice.CPU.device());
  }

  static double[] main(List<StepLog> logs, String key) {
    return logs.stream().mapToDouble(l -> l.losses().get(key)).toArray();
  }

  static TrainingLoop loop(Generator g, TrainingOptions t, PairedSource train) {
    return g.options().kind() == ModelKind.UNET
        ? new SupervisedLoop(g, t, train, null, false)
        : new AdversarialLoop(g, t, train, null, false);
  }

  @Test
  void unetOverfitsOneCrop() throws Exception {
    TrainingOptions t = training(ModelKind.UNET, 120, 1).withLearningRates(3e-3, 3e-3);
    try (Generator g = generator(options(ModelKind.UNET, 16), 1); TrainingLoop l = loop(g, t, new TinyPairs(1, 16))) {
      double[] mse = main(l.fit().history(), "mse");
      assertTrue(mse[mse.length - 1] <= 0.1 * mse[0], "MSE " + mse[0] + " -> " + mse[mse.length - 1]);
    }
  }

  @Test
  void pix2pixOverfitsOneCrop() throws Exception {
    TrainingOptions t = training(ModelKind.PIX2PIX, 80, 1).withLearningRates(2e-3, 2e-4);
    try (Generator g = generator(options(ModelKind.PIX2PIX, 32), 1);
        TrainingLoop l = loop(g, t, new TinyPairs(1, 32))) {
      double[] l1 = main(l.fit().history(), "g_l1");
      assertTrue(l1[l1.length - 1] <= 0.1 * l1[0], "L1 " + l1[0] + " -> " + l1[l1.length - 1]);
    }
  }

  @Test
  void spadeOverfitsOneCrop() throws Exception {
    TrainingOptions t = training(ModelKind.SPADE, 60, 1).withLearningRates(2e-3, 4e-4);
    GeneratorOptions o = options(ModelKind.SPADE, 64).withWidth(4, 5);
    GeneratorOptions narrow = new GeneratorOptions(o.kind(), o.preset(), 64, 4, 5, 8, 0.5, o.inputs(), o.outputs());
    try (Generator g = generator(narrow, 1);
        TrainingLoop l = loop(g, t, new TinyPairs(1, 64))) {
      double[] l1 = main(l.fit().history(), "g_l1");
      assertTrue(l1[l1.length - 1] <= 0.1 * l1[0], "L1 " + l1[0] + " -> " + l1[l1.length - 1]);
    }
  }

  static double[] snapshot(Block b) {
    return b.getParameters().stream().filter(p -> p.getValue().requiresGradient())
        .mapToDouble(p -> p.getValue().getArray().abs().sum().getFloat()).toArray();
  }

  @Test
  void ganStepChangesBothNetworks() throws Exception {
    TrainingOptions t = training(ModelKind.PIX2PIX, 1, 2);
    try (Generator g = generator(options(ModelKind.PIX2PIX, 32), 3);
        AdversarialLoop l = (AdversarialLoop) loop(g, t, new TinyPairs(4, 32))) {
      double[] g0 = snapshot(g.network());
      double[] d0 = snapshot(l.discriminator());
      l.fit();
      assertNotEquals(java.util.Arrays.toString(g0), java.util.Arrays.toString(snapshot(g.network())));
      assertNotEquals(java.util.Arrays.toString(d0), java.util.Arrays.toString(snapshot(l.discriminator())));
    }
  }

  void resumeEqualsUninterrupted(ModelKind kind, int size, String key, Path tmp) throws Exception {
    TinyPairs data = new TinyPairs(6, size);
    TrainingOptions base = training(kind, 6, 2);
    double[] straight;
    try (Generator g = generator(options(kind, size), 5); TrainingLoop l = loop(g, base, data)) {
      straight = main(l.fit().history(), key);
    }
    TrainingOptions withCkpt = base.withOutput(tmp, 3, true);
    try (Generator g = generator(options(kind, size), 5); TrainingLoop l = loop(g, withCkpt, data)) {
      assertEquals(3, l.fitUntil(3).step());
    }
    assertTrue(Files.exists(tmp.resolve("checkpoint/checkpoint.properties")));
    double[] resumed;
    // A different seed for the fresh weights: resume must overwrite them all.
    try (Generator g = generator(options(kind, size), 99); TrainingLoop l = loop(g, withCkpt, data)) {
      resumed = main(l.fit().history(), key);
    }
    assertArrayEquals(straight, resumed, 0.0, kind + " losses after resume");
  }

  @Test
  void unetResumesExactly(@TempDir Path tmp) throws Exception {
    resumeEqualsUninterrupted(ModelKind.UNET, 16, "mse", tmp);
  }

  @Test
  void pix2pixResumesExactly(@TempDir Path tmp) throws Exception {
    resumeEqualsUninterrupted(ModelKind.PIX2PIX, 32, "d", tmp);
  }

  @Test
  void nanLossStopsWithClearMessageAndKeepsCheckpoint(@TempDir Path tmp) throws Exception {
    TrainingOptions t = training(ModelKind.UNET, 4, 1).withOutput(tmp, 1, false);
    try (Generator g = generator(options(ModelKind.UNET, 16), 1);
        TrainingLoop ok = loop(g, t.withSteps(2), new TinyPairs(2, 16))) {
      ok.fit();
    }
    long before = Files.getLastModifiedTime(tmp.resolve("checkpoint/checkpoint.properties")).toMillis();
    try (Generator g = generator(options(ModelKind.UNET, 16), 1);
        TrainingLoop bad = loop(g, t, new TinyPairs(2, 16, 5, true))) {
      TrainingException e = assertThrows(TrainingException.class, bad::fit);
      assertTrue(e.getMessage().contains("NaN") && e.getMessage().contains("step 1")
          && e.getMessage().contains("last good checkpoint"), e.getMessage());
    }
    assertEquals(before, Files.getLastModifiedTime(tmp.resolve("checkpoint/checkpoint.properties")).toMillis());
  }
}
