package org.brightpaint.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.brightpaint.data.Channel;
import org.brightpaint.data.LoadData;
import org.brightpaint.data.PhenixFileName;
import org.brightpaint.data.PlateFolder;
import org.brightpaint.data.Preprocessing;
import org.brightpaint.data.Site;
import org.brightpaint.data.io.AtomicFiles;
import org.brightpaint.data.io.Tiff16;
import org.brightpaint.image.FloatImage;
import org.brightpaint.image.Illumination;
import org.brightpaint.image.Resize;

/**
 * Predicts the stains of a whole plate so that the result drops in where the real plate's
 * stains would be: {@code profile} and {@code quality} read it exactly like a real plate.
 *
 * <p>Per site: the generator's input planes are preprocessed as in training ({@link Preprocessing}:
 * divide by the plate's illumination function, area-average to the preprocessing size,
 * percentile-normalise to [-1, 1]); the prediction ([C, S, S] for S = the preprocessing size, by
 * blended tiles, {@link TiledPrediction}) is mapped back to counts with the typical raw range
 * saved in the generator ({@link Normalisation#toRaw}), resized bilinearly back to the input's
 * own W x H, multiplied by the plate's illumination function of that stain when the plate has one
 * and the preprocessing divided it out, and written as 16-bit counts:
 * <pre>
 * out/&lt;plate&gt;/Images/r&lt;RR&gt;c&lt;CC&gt;f&lt;FF&gt;p01-ch&lt;N&gt;sk1fk1fl1.tiff   (N = the stain's Phenix number)
 * out/&lt;plate&gt;/load_data.csv                                 (FileName_Orig&lt;Stain&gt;, PathName_Orig&lt;Stain&gt;)
 * </pre>
 * The plate folder is written atomically ({@link AtomicFiles#writeFolder}): a failure leaves no
 * partial plate. File names are the input's: a plate of {@code .tif} files gets {@code .tif}
 * predictions.
 */
public final class PlatePrediction {

  private PlatePrediction() {}

  /**
   * How to predict.
   *
   * @param preprocessing the preprocessing the generator was trained with (its size decides S)
   * @param sampling the diffusion sampler (ignored by deterministic generators)
   * @param maxSites at most this many sites per plate, spread evenly over it (0 = all)
   */
  public record Options(Preprocessing preprocessing, Sampling sampling, int maxSites) {
    /** Validates. */
    public Options {
      if (preprocessing == null || sampling == null) {
        throw new IllegalArgumentException("Plate prediction needs a preprocessing and a sampler");
      }
      if (maxSites < 0) {
        throw new IllegalArgumentException("Max sites must be >= 0, got " + maxSites);
      }
    }
  }

  /**
   * What was written for one plate.
   *
   * @param plate the barcode
   * @param dir the plate folder written
   * @param sites sites predicted
   * @param width width of the written images (the input's)
   * @param height height of the written images (the input's)
   * @param stains the predicted stains
   * @param illuminationRestored stains whose plate illumination function was multiplied back
   *     (the others are written illumination-corrected: the plate has no function for them)
   */
  public record Result(String plate, Path dir, int sites, int width, int height, List<Channel> stains,
      List<Channel> illuminationRestored) {
    /** Copies. */
    public Result {
      stains = List.copyOf(stains);
      illuminationRestored = List.copyOf(illuminationRestored);
    }

    /** @return one line for the console: sites, size, intensity space, folder */
    public String summary() {
      String space = illuminationRestored.size() == stains.size() ? "raw counts (illumination multiplied back)"
          : illuminationRestored.isEmpty() ? "counts, illumination-corrected (the plate has no illumination function for "
          + names(stains) + ")" : "counts; illumination multiplied back for " + names(illuminationRestored) + " only";
      return "Predicted " + sites + " sites of " + plate + " at " + width + " x " + height + " px, " + space + " -> "
          + dir;
    }

    private static String names(List<Channel> c) {
      return String.join(", ", c.stream().map(Channel::cpName).toList());
    }
  }

  /**
   * Predicts a plate into {@code outRoot/<barcode>}.
   *
   * @param generator the generator
   * @param plate the input plate (needs the generator's input planes)
   * @param options preprocessing, sampler, site cap
   * @param outRoot the folder that receives the plate folder
   * @return what was written
   * @throws IllegalArgumentException naming the file when an input image is missing or bad
   * @throws UncheckedIOException when writing fails (no partial plate is left)
   */
  public static Result predict(Generator generator, PlateFolder plate, Options options, Path outRoot) {
    GeneratorOptions go = generator.options();
    Preprocessing prep = options.preprocessing();
    List<Site> sites = Site.spread(plate.sites(), options.maxSites());
    if (sites.isEmpty()) {
      throw new IllegalArgumentException("Plate " + plate.dir() + " has no sites to predict");
    }
    List<Channel> stains = go.outputs();
    Map<Channel, FloatImage> illum = new EnumMap<>(Channel.class);
    if (prep.correctIllumination()) {
      for (Channel c : stains) {
        plate.illumination(c).ifPresent(f -> illum.put(c, f));
      }
    }
    int[] size = new int[2];
    Path dir = outRoot.resolve(plate.barcode());
    try {
      AtomicFiles.writeFolder(dir,
          tmp -> writeSites(generator, plate, sites, prep, options.sampling(), false, illum, tmp, size));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the predictions of " + plate.barcode() + " to " + dir + ": "
          + e.getMessage(), e);
    }
    return new Result(plate.barcode(), dir, sites.size(), size[0], size[1], stains,
        stains.stream().filter(illum::containsKey).toList());
  }

  /** Predicts (or draws) every site into the plate folder {@code tmp}: Images/ and load_data.csv. */
  private static void writeSites(Generator generator, PlateFolder plate, List<Site> sites, Preprocessing prep,
      Sampling sampling, boolean draw, Map<Channel, FloatImage> illum, Path tmp, int[] size) throws IOException {
    GeneratorOptions go = generator.options();
    List<Channel> stains = go.outputs();
    int tile = go.imageSize();
    Path images = java.nio.file.Files.createDirectories(tmp.resolve("Images"));
    List<LoadData.Row> rows = new ArrayList<>();
    for (Site site : sites) {
      FloatImage first = plate.read(site, go.inputs().getFirst());
      size[0] = first.width();
      size[1] = first.height();
      Preprocessing.Prepared p = prep.apply(plate, site, go.inputs());
      List<FloatImage> in = new ArrayList<>();
      for (Channel c : go.inputs()) {
        in.add(p.channels().get(c));
      }
      List<FloatImage> pred = draw ? TiledPrediction.draw(generator, in, tile, tile / 4, sampling)
          : TiledPrediction.predict(generator, in, tile, tile / 4, sampling);
      Map<Channel, String> files = new EnumMap<>(Channel.class);
      Map<Channel, String> paths = new EnumMap<>(Channel.class);
      for (int c = 0; c < stains.size(); c++) {
        Channel ch = stains.get(c);
        FloatImage counts = toInputSpace(pred.get(c), generator.normalisation(), c, first.width(), first.height(),
            Optional.ofNullable(illum.get(ch)));
        String name = PhenixFileName.of(site.well(), site.field(), ch).fileName();
        if (plate.file(site, go.inputs().getFirst()).getFileName().toString().endsWith(".tif")) {
          name = name.substring(0, name.length() - 1);
        }
        Tiff16.write(images.resolve(name), counts);
        files.put(ch, name);
        paths.put(ch, "Images");
      }
      rows.add(new LoadData.Row(site, files, paths, Map.of()));
    }
    new LoadData(rows).write(tmp.resolve("load_data.csv"));
  }

  /**
   * What {@link #sample} wrote for one plate.
   *
   * @param plate the barcode
   * @param dir {@code outRoot/<barcode>}: {@code sample-01 .. sample-K} plate folders and {@code samples.csv}
   * @param sites sites per sample
   * @param stochasticity where the draws' randomness comes from; {@link Stochasticity#POINT}: one sample
   * @param seeds the seed of each sample, in order
   */
  public record Samples(String plate, Path dir, int sites, Stochasticity stochasticity, List<Long> seeds) {
    /** Copies. */
    public Samples {
      seeds = List.copyOf(seeds);
    }

    /** @return the plate folder of sample k (0-based) */
    public Path sampleDir(int k) {
      return dir.resolve(sampleName(k));
    }

    /** @return one line for the console */
    public String summary() {
      return "Drew " + seeds.size() + (seeds.size() == 1 ? " sample" : " samples") + " (" + stochasticity.label()
          + ", seeds " + seeds.getFirst() + (seeds.size() > 1 ? ".." + seeds.getLast() : "") + ") of " + sites
          + " sites of " + plate + " -> " + dir;
    }
  }

  /** Name of the file recording the samples' seeds: columns sample, folder, seed, stochasticity, sampler, steps. */
  public static final String SAMPLES_FILE = "samples.csv";

  /**
   * @param k the 0-based sample index
   * @return its folder name, {@code sample-01} for k = 0
   */
  public static String sampleName(int k) {
    return String.format(java.util.Locale.ROOT, "sample-%02d", k + 1);
  }

  /**
   * Draws K predictions of every site ({@link Generator#draw}): sample k (0-based) uses seed
   * {@code options.sampling().seed() + k}, recorded in {@code samples.csv}, so that a rerun
   * reproduces every sample byte for byte. A point predictor ({@link Stochasticity#POINT}: UNet)
   * gives one sample whatever K is. Layout, written atomically:
   * <pre>
   * outRoot/&lt;barcode&gt;/samples.csv
   * outRoot/&lt;barcode&gt;/sample-01/Images/..., load_data.csv   (a plate folder, as {@link #predict})
   * ...
   * outRoot/&lt;barcode&gt;/sample-K/...
   * </pre>
   *
   * @param generator the generator
   * @param plate the input plate
   * @param options preprocessing, sampler (its seed is sample 1's), site cap
   * @param samples K &gt;= 1
   * @param outRoot the folder that receives the plate folder
   * @return what was written
   */
  public static Samples sample(Generator generator, PlateFolder plate, Options options, int samples, Path outRoot) {
    if (samples < 1) {
      throw new IllegalArgumentException("--samples must be >= 1, got " + samples);
    }
    List<Site> sites = Site.spread(plate.sites(), options.maxSites());
    if (sites.isEmpty()) {
      throw new IllegalArgumentException("Plate " + plate.dir() + " has no sites to predict");
    }
    Stochasticity st = generator.stochasticity();
    int k = st == Stochasticity.POINT ? 1 : samples;
    Map<Channel, FloatImage> illum = new EnumMap<>(Channel.class);
    if (options.preprocessing().correctIllumination()) {
      for (Channel c : generator.options().outputs()) {
        plate.illumination(c).ifPresent(f -> illum.put(c, f));
      }
    }
    Sampling base = options.sampling();
    List<Long> seeds = new ArrayList<>();
    Path dir = outRoot.resolve(plate.barcode());
    try {
      AtomicFiles.writeFolder(dir, tmp -> {
        StringBuilder csv = new StringBuilder("sample,folder,seed,stochasticity,sampler,steps\n");
        for (int i = 0; i < k; i++) {
          Sampling s = new Sampling(base.sampler(), base.steps(), base.seed() + i);
          Path sd = java.nio.file.Files.createDirectories(tmp.resolve(sampleName(i)));
          writeSites(generator, plate, sites, options.preprocessing(), s, true, illum, sd, new int[2]);
          seeds.add(s.seed());
          csv.append(i + 1).append(',').append(sampleName(i)).append(',').append(s.seed()).append(',')
              .append(st.name()).append(',').append(s.sampler()).append(',').append(s.steps()).append('\n');
        }
        java.nio.file.Files.writeString(tmp.resolve(SAMPLES_FILE), csv);
      });
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the samples of " + plate.barcode() + " to " + dir + ": "
          + e.getMessage(), e);
    }
    return new Samples(plate.barcode(), dir, sites.size(), st, seeds);
  }

  /**
   * Maps one predicted channel back to the input's intensity space and size.
   *
   * @param predicted the prediction in normalised units [-1, 1], S x S
   * @param normalisation the generator's normalisation
   * @param index the channel's index in the normalisation
   * @param width the input's width
   * @param height the input's height
   * @param illumination the plate's illumination function of the stain (W x H), if it has one
   * @return counts, W x H, clamped to [0, 65535]
   */
  static FloatImage toInputSpace(FloatImage predicted, Normalisation normalisation, int index, int width, int height,
      Optional<FloatImage> illumination) {
    float[] px = predicted.pixels().clone();
    for (int i = 0; i < px.length; i++) {
      px[i] = (float) normalisation.toRaw(index, px[i]);
    }
    FloatImage counts = new FloatImage(predicted.width(), predicted.height(), px);
    if (counts.width() != width || counts.height() != height) {
      counts = Resize.bilinear(counts, width, height, false);
    }
    if (illumination.isPresent()) {
      counts = Illumination.restore(counts, illumination.get());
    }
    float[] c = counts.pixels();
    for (int i = 0; i < c.length; i++) {
      c[i] = Math.max(0f, Math.min(65535f, c[i]));
    }
    return counts;
  }
}
