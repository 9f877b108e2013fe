package org.brightpaint.cli;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.brightpaint.config.RunSize;
import org.brightpaint.data.PlateFolder;
import org.brightpaint.data.PlateSet;
import org.brightpaint.data.Preprocessing;
import org.brightpaint.data.io.AtomicFiles;
import org.brightpaint.models.DeviceChoice;
import org.brightpaint.models.Generator;
import org.brightpaint.models.Generators;
import org.brightpaint.models.PlatePrediction;
import org.brightpaint.models.Sampling;
import org.brightpaint.training.CheckpointFiles;
import org.brightpaint.training.EngineThreads;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code brightpaint predict}: predicts the fluorescent channels of every site of a plate tree
 * and writes them as Phenix-named 16-bit TIFFs plus a {@code load_data.csv} per plate, so
 * profiling reads predictions exactly like real images:
 * {@code OUT/<plate>/Images/r01c01f01p01-ch5sk1fk1fl1.tiff}, {@code OUT/<plate>/load_data.csv}.
 *
 * <p>The work is {@link PlatePrediction}: predictions have the input's size and intensity space
 * (counts, the plate's illumination function multiplied back where it has one).
 *
 * <p>{@code --samples K} draws K predictions per site instead ({@link PlatePrediction#sample}):
 * {@code OUT/<plate>/sample-01 .. sample-K/} plate folders and {@code OUT/<plate>/samples.csv}
 * with each sample's seed ({@code --seed} + k); UNet, a point predictor, gives one sample.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
    description = "Predict fluorescent channels from brightfield with a trained generator.")
public final class PredictCommand implements Callable<Integer> {

  @Option(names = "--checkpoint", required = true,
      description = "The train --out folder, a checkpoint folder, or a generator folder")
  Path checkpoint;

  @ArgGroup(exclusive = true, multiplicity = "1")
  PlateInput input;

  @Option(names = "--channel-map", paramLabel = "MAP", description = "Phenix plates whose channel numbers differ "
      + "from CPJUMP1's: ch<N>=<Name> entries (e.g. ch1=DNA,ch5=Brightfield) or a file holding them")
  String channelMap;

  @Option(names = "--out", required = true, description = "Output folder (written whole: created, or replaced, only when every site is predicted)")
  Path out;

  @Option(names = "--sampler",
      description = "Diffusion sampler: ddpm | ddim (default: the generator's own, DDIM-50 for the paper preset)")
  String sampler;

  @Option(names = "--steps", description = "Diffusion sampling steps (default: the generator's own)")
  Integer steps;

  @Option(names = "--device", defaultValue = "auto", description = "auto | cpu | gpu")
  String device;

  @Option(names = "--threads", description = "Engine intra-op threads (default: the engine's)")
  Integer threads;

  @Option(names = "--max-sites", defaultValue = "0", description = "Predict at most this many sites per plate, spread evenly over the plate (0 = all)")
  int maxSites;

  @Option(names = "--samples", defaultValue = "0",
      description = "Draw K predictions per site (diffusion: K seeds; Pix2Pix/SPADE: dropout at inference; UNet: one"
          + " point prediction) into OUT/<plate>/sample-NN with their seeds in samples.csv (0 = one ordinary prediction)")
  int samples;

  @Option(names = "--seed", description = "Seed of the first sample (default: the generator's sampling seed)")
  Long seed;

  @Override
  public Integer call() throws Exception {
    if (threads != null) {
      EngineThreads.set(threads);
    }
    if (samples < 0) {
      throw new IllegalArgumentException("--samples must be >= 0 (0 = one ordinary prediction), got " + samples);
    }
    Path genDir = CheckpointFiles.generatorDir(checkpoint);
    Device dev = DeviceChoice.parse(device).device();
    int[] written = {0};
    try (Generator g = Generators.load(genDir, dev)) {
      List<PlateFolder> plates = input.open(channelMap, g.options().inputs()).plates();
      Sampling own = g.defaultSampling();
      Sampling sampling = new Sampling(
          sampler == null ? own.sampler() : Sampling.Sampler.valueOf(sampler.trim().toUpperCase(Locale.ROOT)),
          steps == null ? own.steps() : steps, seed == null ? own.seed() : seed);
      PlatePrediction.Options o = new PlatePrediction.Options(Preprocessing.of(RunSize.current()), sampling, maxSites);
      // all or nothing: a failed run leaves no partial plate and no folder without its load_data.csv
      AtomicFiles.writeFolder(out, dir -> {
        for (PlateFolder plate : plates) {
          if (samples > 0) {
            PlatePrediction.Samples r = PlatePrediction.sample(g, plate, o, samples, dir);
            System.out.println(r.summary().replace(dir.toString(), out.toString()));
            written[0] += r.sites();
            continue;
          }
          PlatePrediction.Result r = PlatePrediction.predict(g, plate, o, dir);
          System.out.println(r.summary().replace(dir.toString(), out.toString()));
          written[0] += r.sites();
        }
      });
    }
    System.out.println("Wrote " + written[0] + " sites to " + out);
    return 0;
  }
}
