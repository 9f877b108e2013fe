package org.brightpaint.bench;

import java.util.function.UnaryOperator;
import org.brightpaint.config.RunSize;
import org.brightpaint.config.Workspace;
import org.brightpaint.models.GeneratorOptions;
import org.brightpaint.models.ModelKind;
import org.brightpaint.training.Trainer;
import org.brightpaint.training.TrainingOptions;

/** The ci training request the experiment mains share ({@link CiRecipeExperiment}, {@link DiffusionCiExperiment}). */
final class CiRun {

  private CiRun() {}

  /**
   * The notebooks' ci request of a kind ({@code Trainer.of(kind, RunSize.CI)}), writing checkpoints
   * every 100 steps to {@code <workspace>/ci/runs/TAG} and resuming a run found there, with its
   * generator and training options changed and another after-training evaluation, without
   * progress output.
   *
   * @param kind the model
   * @param tag the run folder's name
   * @param generator applied to the generator options
   * @param change applied to the training options after the output folder is set
   * @param evaluation what to do after training
   * @return the request
   */
  static Trainer.Request request(ModelKind kind, String tag, UnaryOperator<GeneratorOptions> generator,
      UnaryOperator<TrainingOptions> change, Trainer.Evaluation evaluation) {
    Trainer.Request r = Trainer.of(kind, RunSize.CI);
    java.nio.file.Path out = Workspace.current().dir(RunSize.CI, "runs").resolve(tag);
    TrainingOptions t = change.apply(r.training().withOutput(out, 100, true));
    return new Trainer.Request(generator.apply(r.generator()), t, r.plates(), r.splits(), r.cellLine(), r.size(), r.maxTrainSites(),
        r.maxHeldOutSites(), evaluation, false);
  }
}
