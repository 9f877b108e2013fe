package org.brightpaint.bench;

import org.brightpaint.models.GeneratorOptions;
import org.brightpaint.models.ModelKind;
import org.brightpaint.training.EngineThreads;
import org.brightpaint.training.Trainer;
import org.brightpaint.training.TrainingOptions;
import org.brightpaint.training.TrainingRun;

/**
 * Benchmark main (not a test): trains a kind with the notebooks' ci request ({@code Trainer.of(kind,
 * RunSize.CI)}) but other steps and learning rates, into {@code <workspace>/ci/runs/TAG}, and prints
 * the held-out comparison against the mean training image. Usage:
 * {@code CiRecipeExperiment unet|pix2pix|spade TAG steps lr dLr [threads [seed]]}; system properties
 * {@code exp.batch}, {@code exp.decay}, {@code exp.l1}, {@code exp.depth} and {@code exp.dropout} change the batch size, decay
 * fraction, L1 weight, generator depth and dropout.
 */
public final class CiRecipeExperiment {

  private CiRecipeExperiment() {}

  /** @param args model, tag, steps, generator and discriminator learning rates, engine threads (default 2), seed (default the preset's) */
  public static void main(String[] args) {
    ModelKind kind = ModelKind.parse(args[0]);
    EngineThreads.set(args.length > 5 ? Integer.parseInt(args[5]) : 2);
    Trainer.Request r = CiRun.request(kind, args[1], g -> new GeneratorOptions(g.kind(), g.preset(), g.imageSize(),
        g.baseWidth(), Integer.getInteger("exp.depth", g.depth()), g.conditionHidden(),
        Double.parseDouble(System.getProperty("exp.dropout", Double.toString(g.dropout()))), g.inputs(), g.outputs()),
        o -> {
          TrainingOptions t = o.withSteps(Long.parseLong(args[2]))
              .withLearningRates(Double.parseDouble(args[3]), Double.parseDouble(args[4]));
          t = args.length > 6 ? t.withBatchAndSeed(t.batchSize(), Long.parseLong(args[6])) : t;
          return new TrainingOptions(t.steps(), Integer.getInteger("exp.batch", t.batchSize()), t.learningRate(),
              t.discriminatorLearningRate(), t.beta1(), t.beta2(),
              Double.parseDouble(System.getProperty("exp.decay", Double.toString(t.decayFraction()))),
              Double.parseDouble(System.getProperty("exp.l1", Double.toString(t.l1Weight()))), t.featureMatchingWeight(),
              t.checkpointEvery(), t.validationImages(), t.seed(), t.device(), t.outDir(), t.resume());
        }, new Trainer.Evaluation(true, Trainer.CI_SCORED_CROPS, false, 0, false));
    long t0 = System.nanoTime();
    TrainingRun run = Trainer.train(r);
    System.out.printf("%s %s: %d steps lr %s/%s trained in %.0f s%n%s%n", kind.cliName(), args[1], r.training().steps(), args[3],
        args[4], (System.nanoTime() - t0) / 1e9, run.summary());
  }
}
