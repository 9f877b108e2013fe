package org.brightpaint.bench;

import ai.djl.Device;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.brightpaint.models.DeviceChoice;
import org.brightpaint.models.Generator;
import org.brightpaint.models.GeneratorOptions;
import org.brightpaint.models.Generators;
import org.brightpaint.models.ModelKind;
import org.brightpaint.models.Preset;
import org.brightpaint.models.Sampling;
import org.brightpaint.training.CostMeter;
import org.brightpaint.training.EngineThreads;
import org.brightpaint.training.PairedSource;
import org.brightpaint.training.Seeds;
import org.brightpaint.training.StepLog;
import org.brightpaint.training.TrainingListener;
import org.brightpaint.training.TrainingLoop;
import org.brightpaint.training.TrainingLoops;
import org.brightpaint.training.TrainingOptions;

/**
 * Prints the cost of UNet, Pix2Pix and SPADE on this machine, at "ci" and "paper" width: training
 * images per second at the preset's crop size and batch (mean over timed steps after warm-up
 * steps, random data), and inference seconds per 512 x 512 image (batch 1, warmed up, mean of
 * timed runs). Nothing is extrapolated: every figure is a measured mean.
 *
 * <p>Run (from the repository root):
 * <pre>
 * mvn -q -B -o -pl lib test-compile
 * mvn -q -B -o dependency:build-classpath -pl lib -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp lib/target/test-classes:lib/target/classes:$(cat /tmp/cp.txt) org.brightpaint.bench.GeneratorBench [ci|paper|all] [threads]
 * </pre>
 */
public final class GeneratorBench {

  private GeneratorBench() {}

  /**
   * @param args "ci", "paper" or "all" (default), then optionally the engine thread count
   * @throws Exception when training fails
   */
  public static void main(String[] args) throws Exception {
    String which = args.length > 0 ? args[0] : "all";
    if (args.length > 1) {
      EngineThreads.set(Integer.parseInt(args[1]));
    }
    Device device = DeviceChoice.AUTO.device();
    System.out.printf(Locale.ROOT, "# generator benchmark, device %s, %d cores, load average %.1f, threads %d%n",
        device, Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), EngineThreads.get());
    System.out.println("| model | width | params | train crop x batch | train img/s | inference s / 512x512 |");
    System.out.println("| --- | --- | --- | --- | --- | --- |");
    for (Preset preset : Preset.values()) {
      if (!which.equals("all") && !which.equalsIgnoreCase(preset.label())) {
        continue;
      }
      for (ModelKind kind : new ModelKind[] {ModelKind.UNET, ModelKind.PIX2PIX, ModelKind.SPADE}) {
        row(kind, preset, device);
      }
    }
  }

  private static void row(ModelKind kind, Preset preset, Device device) throws Exception {
    boolean paper = preset == Preset.PAPER;
    GeneratorOptions o = GeneratorOptions.of(kind, preset);
    int warm = paper ? 1 : 3;
    int timed = paper ? 2 : 10;
    TrainingOptions t = TrainingOptions.of(kind, preset).withSteps(warm + timed);
    int batch = t.batchSize();
    PairedSource data = new RandomPairs(batch, o.imageSize());
    Seeds.seedEngine(1, 0);
    double[] seconds = new double[warm + timed];
    long params;
    double inference;
    try (Generator g = Generators.create(o, device);
        TrainingLoop loop = TrainingLoops.create(g, t, data, null, false)) {
      loop.addListener(new TrainingListener() {
        @Override
        public void onStep(StepLog log) {
          seconds[(int) log.step() - 1] = log.seconds();
        }
      });
      loop.fit();
      params = g.parameterCount();
      inference = CostMeter.inferenceSecondsPer512(g, Sampling.defaults(), 1, paper ? 2 : 5);
    }
    double sum = 0;
    for (int i = warm; i < seconds.length; i++) {
      sum += seconds[i];
    }
    double imagesPerSecond = batch * timed / sum;
    System.out.printf(Locale.ROOT, "| %s | %s (%d) | %,d | %d x %d | %.3g | %.3g |%n", kind.cliName(), preset.label(),
        o.baseWidth(), params, o.imageSize(), batch, imagesPerSecond, inference);
  }

  /** Random pairs in [-1, 1]: the cost does not depend on the pixel values. */
  private record RandomPairs(int count, int size) implements PairedSource {
    @Override
    public int size() {
      return count;
    }

    @Override
    public ai.djl.ndarray.NDList get(int index, ai.djl.ndarray.NDManager manager) {
      return new ai.djl.ndarray.NDList(
          manager.randomUniform(-1, 1, new ai.djl.ndarray.types.Shape(3, size, size)),
          manager.randomUniform(-1, 1, new ai.djl.ndarray.types.Shape(5, size, size)));
    }
  }
}
