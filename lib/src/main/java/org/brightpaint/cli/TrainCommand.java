package org.brightpaint.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.brightpaint.config.RunSize;
import org.brightpaint.data.CellLine;
import org.brightpaint.data.Channel;
import org.brightpaint.data.PlateSet;
import org.brightpaint.data.Split;
import org.brightpaint.data.Splits;
import org.brightpaint.models.DeviceChoice;
import org.brightpaint.models.GeneratorOptions;
import org.brightpaint.models.ModelKind;
import org.brightpaint.models.Preset;
import org.brightpaint.training.EngineThreads;
import org.brightpaint.training.PlateSources;
import org.brightpaint.training.Trainer;
import org.brightpaint.training.TrainingOptions;
import org.brightpaint.training.TrainingRun;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code brightpaint train}: trains one generator on a plate folder tree and writes checkpoints
 * (resumable with {@code --resume}) to {@code --out}.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train a generator (unet, pix2pix, spade, palette, spade-diffusion) on plates.")
public final class TrainCommand implements Callable<Integer> {

  @Option(names = "--model", required = true, description = "unet | pix2pix | spade | palette | spade-diffusion")
  String model;

  @ArgGroup(exclusive = true, multiplicity = "1")
  PlateInput input;

  @Option(names = "--inputs", paramLabel = "NAMES", description = "Input planes, comma-separated channel names "
      + "(default: LowZBF,Brightfield,HighZBF)")
  String inputs;

  @Option(names = "--outputs", paramLabel = "NAMES", description = "Stains to predict, comma-separated channel names "
      + "(default: Mito,AGP,RNA,ER,DNA)")
  String outputs;

  @Option(names = "--channel-map", paramLabel = "MAP", description = "Phenix plates whose channel numbers differ "
      + "from CPJUMP1's: ch<N>=<Name> entries (e.g. ch1=DNA,ch5=Brightfield) or a file holding them")
  String channelMap;

  @Option(names = "--preset", defaultValue = "ci", description = "ci | paper (default: ${DEFAULT-VALUE})")
  String preset;

  @Option(names = "--steps", description = "Optimisation steps (default: the preset's)")
  Long steps;

  @Option(names = "--epochs", description = "Epochs over the training crops (instead of --steps)")
  Integer epochs;

  @Option(names = "--cell-line", description = "Train on one cell line only: A549 | U2OS")
  String cellLine;

  @Option(names = "--out", required = true, description = "Output folder (checkpoint/ is written inside)")
  Path out;

  @Option(names = "--resume", description = "Continue from OUT/checkpoint when it exists")
  boolean resume;

  @Option(names = "--device", defaultValue = "auto", description = "auto | cpu | gpu (default: ${DEFAULT-VALUE})")
  String device;

  @Option(names = "--batch", description = "Batch size (default: the preset's)")
  Integer batch;

  @Option(names = "--seed", defaultValue = "42", description = "Master seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--checkpoint-every", description = "Steps between checkpoints (default: the preset's)")
  Long checkpointEvery;

  @Option(names = "--eval-crops", defaultValue = "8",
      description = "After training, score at most this many held-out crops against the mean image (0 = all; "
          + "default: ${DEFAULT-VALUE})")
  int evalCrops;

  @Option(names = "--no-eval", description = "Skip the held-out comparison and the inference timing after training")
  boolean noEval;

  @Option(names = "--threads", description = "Engine intra-op threads (default: the engine's)")
  Integer threads;

  @Override
  public Integer call() {
    if (steps != null && epochs != null) {
      throw new IllegalArgumentException("Give either --steps or --epochs, not both");
    }
    if (threads != null) {
      EngineThreads.set(threads);
    }
    ModelKind kind = ModelKind.parse(model);
    Preset p = Preset.parse(preset);
    // the ci preset's networks keep the preprocessing of a bounded run size (paper-size: 512 px)
    RunSize size = p == Preset.PAPER ? RunSize.FULL : RunSize.current().bounded() ? RunSize.current() : RunSize.CI;
    CellLine line = cellLine == null ? null : CellLine.parse(cellLine);
    List<Channel> ins = inputs == null ? Channel.BRIGHTFIELD_INPUTS : Channel.namedList(inputs);
    List<Channel> outs = outputs == null ? Channel.FLUORESCENT : Channel.namedList(outputs);
    GeneratorOptions g = GeneratorOptions.of(kind, p).withChannels(ins, outs);
    List<Channel> needed = new ArrayList<>(ins);
    needed.addAll(outs);
    PlateSet plates = input.open(channelMap, needed);
    Splits splits = Splits.of(plates, line, seed);
    TrainingOptions t = TrainingOptions.of(kind, p);
    TrainingOptions base = new TrainingOptions(t.steps(), batch == null ? t.batchSize() : batch, t.learningRate(),
        t.discriminatorLearningRate(), t.beta1(), t.beta2(), t.decayFraction(), t.l1Weight(),
        t.featureMatchingWeight(), t.checkpointEvery(), t.validationImages(), seed, DeviceChoice.parse(device), out,
        resume);
    long every = checkpointEvery != null ? checkpointEvery : (p == Preset.CI ? 100 : 5000);
    base = base.withOutput(out, every, resume);
    if (steps != null) {
      base = base.withSteps(steps);
    } else if (epochs != null) {
      int n = PlateSources.crops(plates, splits, Split.TRAIN, line, size, g.imageSize(), 0, ins, outs).size();
      base = base.withSteps((long) epochs * Math.max(1, n / Math.min(base.batchSize(), n)));
    }
    boolean ci = p == Preset.CI;
    Trainer.Evaluation ev = noEval ? Trainer.Evaluation.NONE
        : new Trainer.Evaluation(true, evalCrops, true, ci ? Trainer.CI_TIMED_EVALUATIONS : 0, false);
    Trainer.Request r = new Trainer.Request(g, base, plates, splits, line, size, 0, ci ? 8 : 0, ev, true);
    TrainingRun run = Trainer.train(r);
    System.out.println(run.summary());
    System.out.println(run.costTable().print());
    if (run.baseline() != null) {
      System.out.println(run.baselineTable().print());
    }
    System.out.println("Checkpoint: " + run.checkpoint());
    return 0;
  }
}
