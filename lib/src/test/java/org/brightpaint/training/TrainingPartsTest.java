package org.brightpaint.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.brightpaint.data.Channel;
import org.brightpaint.models.DeviceChoice;
import org.brightpaint.models.Generator;
import org.brightpaint.models.GeneratorOptions;
import org.brightpaint.models.ModelKind;
import org.brightpaint.models.Preset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adam, schedules, seeds, progress bar and checkpoint files with exact answers. */
class TrainingPartsTest {

  @BeforeAll
  static void oneThread() {
    EngineThreads.set(1);
  }

  /** w = 1, loss = 0.5 * w (gradient 0.5): after one Adam step at lr 0.1, w = 1 - 0.1 * 0.5 / (0.5 + 1e-8). */
  @Test
  void adamFirstStepMovesByTheLearningRate() throws Exception {
    try (NDManager m = NDManager.newBaseManager()) {
      Block b = Linear.builder().setUnits(1).optBias(false).build();
      b.setInitializer(new ConstantInitializer(1), Parameter.Type.WEIGHT);
      b.initialize(m, DataType.FLOAT32, new Shape(1, 1));
      Gradients.attach(b);
      Adam adam = new Adam(0.9, 0.999, 1e-8, m);
      NDArray x = m.create(new float[] {0.5f}, new Shape(1, 1));
      try (GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
        gc.backward(b.forward(new ParameterStore(m, false), new NDList(x), true).singletonOrThrow().sum());
      }
      adam.step(b, 0.1);
      NDArray w = b.getParameters().get(0).getValue().getArray();
      assertEquals(1 - 0.1 * 0.5 / (0.5 + 1e-8), w.getFloat(0, 0), 1e-6);
      assertEquals(1, adam.updates());
      assertEquals(0f, w.getGradient().getFloat(0, 0), "gradient zeroed after the step");

      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      adam.save(new DataOutputStream(bytes));
      Adam back = new Adam(0.9, 0.999, 1e-8, m);
      back.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), b);
      assertEquals(1, back.updates());
      Block other = Linear.builder().setUnits(3).optBias(false).build();
      other.initialize(m, DataType.FLOAT32, new Shape(1, 1));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> back.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), other));
      assertTrue(e.getMessage().contains("does not match"), e.getMessage());
    }
  }

  @Test
  void linearDecayHalvesAtItsMiddle() {
    LearningRateSchedule s = LearningRateSchedule.linearDecay(1.0, 2, 3);
    assertEquals(1.0, s.at(1));
    assertEquals(1.0, s.at(2));
    assertEquals(0.75, s.at(3));
    assertEquals(0.5, s.at(4));
    assertEquals(0.25, s.at(5));
    TrainingOptions p = TrainingOptions.of(ModelKind.PIX2PIX, Preset.PAPER);
    assertEquals(2e-4, p.schedule().at(100_000));
    assertTrue(p.schedule().at(200_000) < 1e-8);
  }

  /** ci diffusion: 1e-3 for the first 200 of 400 steps, then linear decay to 0; the paper keeps 5e-5 constant. */
  @Test
  void ciDiffusionRunsAnnealTheirLearningRatePaperRunsDoNot() {
    for (ModelKind k : new ModelKind[] {ModelKind.PALETTE, ModelKind.SPADE_DIFFUSION}) {
      LearningRateSchedule ci = TrainingOptions.of(k, Preset.CI).schedule();
      assertEquals(1e-3, ci.at(200), 0);
      assertEquals(1e-3 * (1 - 100 / 201.0), ci.at(300), 1e-12);
      assertEquals(1e-3 / 201, ci.at(400), 1e-12);
      LearningRateSchedule paper = TrainingOptions.of(k, Preset.PAPER).schedule();
      assertEquals(5e-5, paper.at(199_999), 0);
    }
  }

  @Test
  void theBenchmarksEvaluationOnlyTimesInference() {
    for (org.brightpaint.config.RunSize size : org.brightpaint.config.RunSize.values()) {
      Trainer.Evaluation t = Trainer.Evaluation.timingOnly(size);
      Trainer.Evaluation all = Trainer.Evaluation.of(size);
      assertTrue(t.timing() && !t.heldOut() && !t.montage(), size + ": " + t);
      assertEquals(all.maxTimedEvaluations(), t.maxTimedEvaluations(), size + ": timed as the notebooks time it");
    }
  }

  @Test
  void seedsDependOnSeedAndStepOnly() {
    assertEquals(Seeds.forStep(1, 5), Seeds.forStep(1, 5));
    assertNotEquals(Seeds.forStep(1, 5), Seeds.forStep(1, 6));
    assertNotEquals(Seeds.forStep(1, 5), Seeds.forStep(2, 5));
    assertNotEquals(Seeds.forStep(1, 0), Seeds.forEpoch(1, 0));
  }

  @Test
  void progressBarRendersLossRateAndEta() {
    assertEquals("[====>               ]  100/400  25%  mse 0.01234  2.0 it/s  ETA 2m30s",
        ProgressBar.render(100, 400, "mse", 0.01234, 2.0));
    assertEquals("[====================]  400/400 100%  mse 0.00100  4.0 it/s  ETA 0s",
        ProgressBar.render(400, 400, "mse", 0.001, 4.0));
    assertEquals("1h02m", ProgressBar.duration(3720));
    assertEquals("?", ProgressBar.duration(Double.NaN));
  }

  @Test
  void curvesAreLongTables() {
    StepLog a = new StepLog(1, 0, Map.of("mse", 0.5), 1e-3, 0.1);
    ValidationResult v = new ValidationResult(1, 0, List.of(Channel.DNA, Channel.ER), new double[] {0.1, 0.2});
    TrainingCurves c = TrainingCurves.of(List.of(a), List.of(v));
    assertEquals(1, c.losses().rowCount());
    assertEquals(2, c.validation().rowCount());
    assertEquals("ER", c.validation().stringColumn("channel").get(1));
    assertEquals(0.2, c.validation().doubleColumn("rmse").get(1));
  }

  @Test
  void checkpointsRejectOtherModelsAndTruncation(@TempDir Path tmp) throws Exception {
    GeneratorOptions o = TrainingLoopTest.options(ModelKind.UNET, 16);
    TrainingOptions t = TrainingLoopTest.training(ModelKind.UNET, 4, 1).withOutput(tmp, 1, true);
    try (Generator g = TrainingLoopTest.generator(o, 1); TrainingLoop l = new SupervisedLoop(g, t, new TinyPairs(2, 16),
        new TinyPairs(1, 16), false)) {
      TrainingState s = l.fit();
      assertEquals(4, s.step());
      assertEquals(2, s.validations().size(), "one validation per epoch of 2 steps");
      assertTrue(Files.exists(tmp.resolve("samples/step-4.png")), "validation sample image written");
      assertEquals(4 * 16, l.lastSample().getWidth());
    }
    Path ckpt = tmp.resolve(TrainingLoop.CHECKPOINT);
    try (Generator g = TrainingLoopTest.generator(TrainingLoopTest.options(ModelKind.PIX2PIX, 32), 1);
        TrainingLoop l = new AdversarialLoop(g, TrainingLoopTest.training(ModelKind.PIX2PIX, 3, 1)
            .withOutput(tmp, 1, true), new TinyPairs(2, 32), null, false)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, l::fit);
      assertTrue(e.getMessage().contains("is for model 'unet', not 'pix2pix'"), e.getMessage());
    }
    Path opt = ckpt.resolve("opt-generator.state");
    byte[] all = Files.readAllBytes(opt);
    Files.write(opt, java.util.Arrays.copyOf(all, all.length - 10));
    try (Generator g = TrainingLoopTest.generator(o, 1);
        TrainingLoop l = new SupervisedLoop(g, t.withSteps(3), new TinyPairs(2, 16), null, false)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, l::fit);
      assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("opt-generator.state"),
          e.getMessage());
    }
  }

  @Test
  void outOfMemoryNamesBatchAndImageSize() {
    try (Generator g = TrainingLoopTest.generator(TrainingLoopTest.options(ModelKind.UNET, 16), 1)) {
      RuntimeException e = TrainingException.ifOutOfMemory(
          new ai.djl.engine.EngineException("CUDA out of memory. Tried to allocate 2.00 GiB"), 8, new TinyPairs(1, 16), g);
      assertTrue(e instanceof TrainingException);
      assertTrue(e.getMessage().contains("batch size 8") && e.getMessage().contains("image size 16 x 16"),
          e.getMessage());
      RuntimeException other = TrainingException.ifOutOfMemory(new ai.djl.engine.EngineException("shape mismatch"), 8,
          new TinyPairs(1, 16), g);
      assertEquals("shape mismatch", other.getMessage());
    }
  }

  @Test
  void deviceAutoIsCpuWithoutGpu() {
    if (ai.djl.engine.Engine.getInstance().getGpuCount() == 0) {
      assertEquals(ai.djl.Device.cpu(), DeviceChoice.AUTO.device());
      IllegalStateException e = assertThrows(IllegalStateException.class, DeviceChoice.GPU::device);
      assertTrue(e.getMessage().contains("GPU"), e.getMessage());
    }
  }

  /** Issue 10, observation 2: a resumed finished run reported NaN training speed. */
  @Test
  void costMeterOfAResumedRunUsesTheStoredStepTimes() {
    CostMeter resumed = new CostMeter(ai.djl.Device.cpu());
    assertTrue(Double.isNaN(resumed.meanStepSeconds()), "no step timed");
    resumed.useStoredSteps(List.of(new StepLog(1, 0, Map.of("mse", 0.5), 1e-3, 0.2), new StepLog(2, 0, Map.of("mse", 0.4), 1e-3, 0.4)));
    assertEquals(0.3, resumed.meanStepSeconds(), 1e-12);
    CostMeter fresh = new CostMeter(ai.djl.Device.cpu());
    fresh.onStep(new StepLog(1, 0, Map.of("mse", 0.5), 1e-3, 1.0));
    fresh.useStoredSteps(List.of(new StepLog(1, 0, Map.of("mse", 0.5), 1e-3, 0.2)));
    assertEquals(1.0, fresh.meanStepSeconds(), 1e-12, "steps timed in this process win");
  }
}
