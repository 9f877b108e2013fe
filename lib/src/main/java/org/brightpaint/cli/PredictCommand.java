package org.brightpaint.cli;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.brightpaint.config.RunSize;
import org.brightpaint.data.Channel;
import org.brightpaint.data.LoadData;
import org.brightpaint.data.PhenixFileName;
import org.brightpaint.data.PlateFolder;
import org.brightpaint.data.PlateSet;
import org.brightpaint.data.Preprocessing;
import org.brightpaint.data.Site;
import org.brightpaint.data.io.AtomicFiles;
import org.brightpaint.data.io.Tiff16;
import org.brightpaint.image.FloatImage;
import org.brightpaint.models.DeviceChoice;
import org.brightpaint.models.Generator;
import org.brightpaint.models.Generators;
import org.brightpaint.models.Sampling;
import org.brightpaint.models.TiledPrediction;
import org.brightpaint.training.CheckpointFiles;
import org.brightpaint.training.EngineThreads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code brightpaint predict}: predicts the fluorescent channels of every site of a plate tree
 * and writes them as Phenix-named 16-bit TIFFs plus a {@code load_data.csv} per plate, so
 * profiling reads predictions exactly like real images:
 * {@code OUT/<plate>/Images/r01c01f01p01-ch5sk1fk1fl1.tiff}, {@code OUT/<plate>/load_data.csv}.
 *
 * <p>Brightfield is preprocessed like training data (illumination, resize to the run size,
 * percentile normalisation); predictions (normalised units) are mapped back to counts with the
 * typical raw range saved in the checkpoint's normalisation.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
    description = "Predict fluorescent channels from brightfield with a trained generator.")
public final class PredictCommand implements Callable<Integer> {

  @Option(names = "--checkpoint", required = true,
      description = "A training checkpoint folder, or the generator folder inside it")
  Path checkpoint;

  @Option(names = "--data", required = true, description = "Folder of plate folders, or one plate folder")
  Path data;

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

  @Override
  public Integer call() throws Exception {
    if (threads != null) {
      EngineThreads.set(threads);
    }
    Path genDir = CheckpointFiles.exists(checkpoint) ? checkpoint.resolve(CheckpointFiles.GENERATOR) : checkpoint;
    Device dev = DeviceChoice.parse(device).device();
    List<PlateFolder> plates = Files.exists(data.resolve(PlateFolder.PLATE_INFO))
        ? List.of(PlateFolder.open(data)) : PlateSet.open(data).plates();
    Preprocessing prep = Preprocessing.of(RunSize.current());
    int[] written = {0};
    // all or nothing: a failed run leaves no partial plate and no folder without its load_data.csv
    AtomicFiles.writeFolder(out, dir -> {
      try {
        written[0] = predictInto(dir, genDir, dev, plates, prep);
      } catch (IOException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException(e.getMessage(), e);
      }
    });
    System.out.println("Wrote " + written[0] + " sites to " + out);
    return 0;
  }

  private int predictInto(Path out, Path genDir, Device dev, List<PlateFolder> plates, Preprocessing prep)
      throws Exception {
    int written = 0;
    try (Generator g = Generators.load(genDir, dev)) {
      Sampling own = g.defaultSampling();
      Sampling sampling = new Sampling(
          sampler == null ? own.sampler() : Sampling.Sampler.valueOf(sampler.trim().toUpperCase(Locale.ROOT)),
          steps == null ? own.steps() : steps, own.seed());
      int tile = g.options().imageSize();
      for (PlateFolder plate : plates) {
        Path images = out.resolve(plate.barcode()).resolve("Images");
        Files.createDirectories(images);
        List<LoadData.Row> rows = new ArrayList<>();
        List<Site> sites = Site.spread(plate.sites(), maxSites);
        for (Site site : sites) {
          Preprocessing.Prepared p = prep.apply(plate, site, g.options().inputs());
          List<FloatImage> bf = new ArrayList<>();
          for (Channel c : g.options().inputs()) {
            bf.add(p.channels().get(c));
          }
          List<FloatImage> pred = TiledPrediction.predict(g, bf, tile, tile / 4, sampling);
          Map<Channel, String> files = new EnumMap<>(Channel.class);
          Map<Channel, String> paths = new EnumMap<>(Channel.class);
          for (int c = 0; c < pred.size(); c++) {
            Channel ch = g.options().outputs().get(c);
            float[] px = pred.get(c).pixels().clone();
            for (int i = 0; i < px.length; i++) {
              px[i] = (float) g.normalisation().toRaw(c, px[i]);
            }
            String name = PhenixFileName.of(site.well(), site.field(), ch).fileName();
            Tiff16.write(images.resolve(name), new FloatImage(pred.get(c).width(), pred.get(c).height(), px));
            files.put(ch, name);
            paths.put(ch, "Images");
          }
          rows.add(new LoadData.Row(site, files, paths, Map.of()));
          written++;
        }
        new LoadData(rows).write(out.resolve(plate.barcode()).resolve("load_data.csv"));
        System.out.println("Predicted " + rows.size() + " sites of " + plate.barcode() + " -> "
            + this.out.resolve(plate.barcode()));
      }
    }
    return written;
  }
}
