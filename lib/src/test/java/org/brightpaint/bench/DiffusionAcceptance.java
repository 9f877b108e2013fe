package org.brightpaint.bench;

import ai.djl.Device;
import java.util.List;
import org.brightpaint.config.RunSize;
import org.brightpaint.data.Channel;
import org.brightpaint.data.PlateSet;
import org.brightpaint.data.Split;
import org.brightpaint.data.synthetic.SyntheticPlates;
import org.brightpaint.data.Preprocessing;
import org.brightpaint.models.GeneratorOptions;
import org.brightpaint.models.ModelKind;
import org.brightpaint.models.Preset;
import org.brightpaint.models.diffusion.DiffusionGenerator;
import org.brightpaint.models.diffusion.DiffusionOptions;
import org.brightpaint.training.DiffusionLoop;
import org.brightpaint.training.MeanImageBaseline;
import org.brightpaint.training.PlateSources;
import org.brightpaint.training.ProgressBar;
import org.brightpaint.training.StepLog;
import org.brightpaint.training.TrainingOptions;
import org.brightpaint.training.TrainingState;

/**
 * The acceptance check of the diffusion generators at "ci" size: train on the synthetic plates'
 * training sites with the ci presets, then compare per-channel MSE of DDIM samples on held-out
 * (test split) crops (the generator's default sampler: DDIM-2 with v-prediction at ci, DiffusionOptions.CI_DDIM_STEPS) with the mean
 * training image. Prints the losses and the comparison; exits
 * with status 1 when a model does not beat the baseline on DNA.
 *
 * <p>Run: {@code java -cp lib/target/test-classes:lib/target/classes:$(cat /tmp/cp.txt)
 * org.brightpaint.bench.DiffusionAcceptance [palette|spade-diffusion|all] [steps] [learningRate]}
 */
public final class DiffusionAcceptance {

  private DiffusionAcceptance() {}

  /**
   * @param args model (default all), steps and learning rate (default: the ci training options)
   * @throws Exception when training fails
   */
  public static void main(String[] args) throws Exception {
    String which = args.length > 0 ? args[0] : "all";
    boolean ok = true;
    for (ModelKind kind : List.of(ModelKind.PALETTE, ModelKind.SPADE_DIFFUSION)) {
      if (!which.equals("all") && !which.equals(kind.cliName())) {
        continue;
      }
      TrainingOptions t = TrainingOptions.of(kind, Preset.CI);
      if (args.length > 1) {
        t = t.withSteps(Long.parseLong(args[1]));
      }
      if (args.length > 2) {
        double lr = Double.parseDouble(args[2]);
        t = t.withLearningRates(lr, lr);
      }
      MeanImageBaseline.Comparison c = check(kind, t);
      int dna = c.channels().indexOf(Channel.DNA);
      System.out.printf("%s: DNA MSE model %.4f vs mean image %.4f -> %s%n", kind.cliName(), c.modelMse()[dna],
          c.baselineMse()[dna], c.beats(Channel.DNA) ? "beats the baseline" : "DOES NOT beat the baseline");
      System.out.println(c.table().print());
      ok &= c.beats(Channel.DNA);
    }
    System.exit(ok ? 0 : 1);
  }

  /**
   * Trains one diffusion model at ci size and compares it with the mean training image.
   *
   * @param kind PALETTE or SPADE_DIFFUSION
   * @param t training options
   * @return the comparison on up to 32 held-out crops
   * @throws Exception when training fails
   */
  public static MeanImageBaseline.Comparison check(ModelKind kind, TrainingOptions t) throws Exception {
    PlateSet plates = SyntheticPlates.ensure(RunSize.CI);
    GeneratorOptions o = GeneratorOptions.of(kind, Preset.CI);
    PlateSources.SiteCrops train = PlateSources.crops(plates, Split.TRAIN, null, RunSize.CI, o.imageSize(), 48);
    PlateSources.SiteCrops test = PlateSources.crops(plates, Split.TEST, null, RunSize.CI, o.imageSize(), 8);
    System.out.printf("%s: %d training crops (%d sites), %d held-out crops; %d steps, batch %d, lr %g%n",
        kind.cliName(), train.size(), train.siteCount(), test.size(), t.steps(), t.batchSize(), t.learningRate());
    try (DiffusionGenerator g = new DiffusionGenerator(o, DiffusionOptions.of(kind, Preset.CI),
        train.normalisation(Preprocessing.of(RunSize.CI).normalization()), Device.cpu(), 42)) {
      long t0 = System.nanoTime();
      TrainingState s;
      try (DiffusionLoop loop = new DiffusionLoop(g, t, train, null)) {
        loop.addListener(ProgressBar.auto());
        s = loop.fit();
      }
      double[] l = s.history().stream().mapToDouble(StepLog::mainLoss).toArray();
      int k = Math.min(20, l.length / 2);
      double first = 0;
      double last = 0;
      for (int i = 0; i < k; i++) {
        first += l[i] / k;
        last += l[l.length - 1 - i] / k;
      }
      System.out.printf("%s: loss (mean of %d steps) %.4f -> %.4f in %.0f s%n", kind.cliName(), k, first, last,
          (System.nanoTime() - t0) / 1e9);
      return MeanImageBaseline.compare(g, train, test, 256, 32);
    }
  }
}
