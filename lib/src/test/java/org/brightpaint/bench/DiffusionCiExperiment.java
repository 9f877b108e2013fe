package org.brightpaint.bench;

import java.util.function.UnaryOperator;
import org.brightpaint.models.ModelKind;
import org.brightpaint.training.EngineThreads;
import org.brightpaint.training.Trainer;
import org.brightpaint.training.TrainingOptions;
import org.brightpaint.training.TrainingRun;

/**
 * Benchmark main (not a test): trains a diffusion kind with the ci request of the notebooks
 * ({@code Trainer.of(kind, RunSize.CI)}) but without the after-training evaluation, into
 * {@code <workspace>/ci/runs/TAG}, and prints the wall time; {@code DiffusionSamplerProbe} then
 * scores the checkpoint. An existing run of that tag is resumed. Usage:
 * {@code DiffusionCiExperiment palette|spade-diffusion TAG [threads [decayFraction]]}, where
 * decayFraction overrides the ci preset's {@link TrainingOptions#CI_DIFFUSION_DECAY_FRACTION}
 * (e.g. 0 for a constant learning rate).
 */
public final class DiffusionCiExperiment {

  private DiffusionCiExperiment() {}

  /** @param args model, tag, engine threads (default 2), learning-rate decay fraction (default: the preset's) */
  public static void main(String[] args) {
    ModelKind kind = ModelKind.parse(args[0]);
    EngineThreads.set(args.length > 2 ? Integer.parseInt(args[2]) : 2);
    Trainer.Request r = CiRun.request(kind, args[1], UnaryOperator.identity(), t -> args.length < 4 ? t
        : new TrainingOptions(t.steps(), t.batchSize(), t.learningRate(), t.discriminatorLearningRate(), t.beta1(),
            t.beta2(), Double.parseDouble(args[3]), t.l1Weight(), t.featureMatchingWeight(), t.checkpointEvery(),
            t.validationImages(), t.seed(), t.device(), t.outDir(), t.resume()), Trainer.Evaluation.NONE);
    long t0 = System.nanoTime();
    TrainingRun run = Trainer.train(r);
    System.out.printf("%s %s: trained in %.0f s; %s%n", kind.cliName(), args[1], (System.nanoTime() - t0) / 1e9,
        run.summary().lines().findFirst().orElse(""));
  }
}
