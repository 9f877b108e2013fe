package org.brightpaint.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.brightpaint.data.Channel;
import org.brightpaint.data.LoadData;
import org.brightpaint.data.PlateFolder;
import org.brightpaint.data.Preprocessing;
import org.brightpaint.data.Site;
import org.brightpaint.data.io.AtomicFiles;
import org.brightpaint.data.io.CachedIllumination;
import org.brightpaint.data.io.ImageSource;
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
 * partial plate. File names follow the input's layout ({@link #outputName}): a plate of {@code .tif}
 * files gets {@code .tif} predictions; a plate described by a LoadData CSV (own names, PNGs) gets
 * {@code Images/<well>_s<site>_<Stain>.tiff}, listed in the written {@code load_data.csv} like any
 * other layout.
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
    List<Site> sites = sitesToPredict(plate, options);
    List<Channel> stains = generator.options().outputs();
    // the plate's illumination functions are read once for the whole plate, not once per site
    CachedIllumination source = CachedIllumination.of(plate);
    int[] size = new int[2];
    Path dir = outRoot.resolve(plate.barcode());
    try {
      AtomicFiles.writeFolder(dir, tmp -> {
        Path images = java.nio.file.Files.createDirectories(tmp.resolve("Images"));
        for (Site site : sites) {
          int[] wh = predictSite(generator, plate, source, site, options, images);
          size[0] = wh[0];
          size[1] = wh[1];
        }
        loadData(generator.options(), plate, sites).write(tmp.resolve("load_data.csv"));
      });
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the predictions of " + plate.barcode() + " to " + dir + ": "
          + e.getMessage(), e);
    }
    return new Result(plate.barcode(), dir, sites.size(), size[0], size[1], stains,
        illuminationRestored(generator, source, options));
  }

  /**
   * The sites of a plate that {@link #predict} predicts.
   *
   * @param plate the plate
   * @param options the site cap
   * @return the sites, spread evenly over the plate ({@link Site#spread}), in site order
   * @throws IllegalArgumentException naming the plate when it has no sites
   */
  public static List<Site> sitesToPredict(PlateFolder plate, Options options) {
    List<Site> sites = Site.spread(plate.sites(), options.maxSites());
    if (sites.isEmpty()) {
      throw new IllegalArgumentException("Plate " + plate.dir() + " has no sites to predict");
    }
    return sites;
  }

  /**
   * The stains whose plate illumination function is multiplied back into the predictions.
   *
   * @param generator the generator
   * @param source the plate
   * @param options the preprocessing (illumination is restored only where it was divided out)
   * @return the stains, in the generator's order
   */
  public static List<Channel> illuminationRestored(Generator generator, ImageSource source, Options options) {
    if (!options.preprocessing().correctIllumination()) {
      return List.of();
    }
    return generator.options().outputs().stream().filter(c -> source.illumination(c).isPresent()).toList();
  }

  /**
   * Predicts one site and writes its stains as 16-bit TIFFs under {@code images} (the file names
   * of {@link #loadData}). The unit of work of {@link #predict}, also run as one task per site by
   * a cluster job: the same inputs give the same bytes.
   *
   * @param generator the generator
   * @param plate the plate folder (file names: a plate of {@code .tif} files gets {@code .tif})
   * @param source the plate's pixels and illumination functions (the plate itself, or a
   *     {@link CachedIllumination} view of it that reads each function once)
   * @param site the site
   * @param options preprocessing and sampler
   * @param images the folder that receives the images
   * @return the written images' width and height (the input's)
   * @throws IllegalArgumentException naming the file when an input image is missing or bad
   * @throws IOException when writing fails
   */
  public static int[] predictSite(Generator generator, PlateFolder plate, ImageSource source, Site site, Options options,
      Path images) throws IOException {
    return writeSite(generator, plate, source, site, options.preprocessing(), options.sampling(), false, images);
  }

  /** {@link #predictSite}, or with {@code draw} one posterior draw ({@link TiledPrediction#draw}) with this sampler. */
  private static int[] writeSite(Generator generator, PlateFolder plate, ImageSource source, Site site,
      Preprocessing prep, Sampling sampling, boolean draw, Path images) throws IOException {
    GeneratorOptions go = generator.options();
    List<Channel> stains = go.outputs();
    Preprocessing.Prepared p = prep.apply(source, site, go.inputs());
    List<FloatImage> in = new ArrayList<>();
    for (Channel c : go.inputs()) {
      in.add(p.channels().get(c));
    }
    int tile = go.imageSize();
    List<FloatImage> pred = draw ? TiledPrediction.draw(generator, in, tile, tile / 4, sampling)
        : TiledPrediction.predict(generator, in, tile, tile / 4, sampling);
    Map<Channel, String> names = fileNames(go, plate, site);
    for (int c = 0; c < stains.size(); c++) {
      Channel ch = stains.get(c);
      Optional<FloatImage> illum = prep.correctIllumination() ? source.illumination(ch) : Optional.empty();
      FloatImage counts = toInputSpace(pred.get(c), generator.normalisation(), c, p.sourceWidth(), p.sourceHeight(), illum);
      Tiff16.write(images.resolve(names.get(ch)), counts);
    }
    return new int[] {p.sourceWidth(), p.sourceHeight()};
  }

  /**
   * The {@code load_data.csv} of a predicted plate: one row per site, {@code FileName_Orig<Stain>}
   * and {@code PathName_Orig<Stain>} = {@code Images} for every predicted stain.
   *
   * @param generator the generator's options (its input planes and stains)
   * @param plate the input plate (file names)
   * @param sites the predicted sites, in order
   * @return the table
   */
  public static LoadData loadData(GeneratorOptions generator, PlateFolder plate, List<Site> sites) {
    List<LoadData.Row> rows = new ArrayList<>();
    for (Site site : sites) {
      Map<Channel, String> files = fileNames(generator, plate, site);
      Map<Channel, String> paths = new TreeMap<>();
      files.keySet().forEach(c -> paths.put(c, "Images"));
      rows.add(new LoadData.Row(site, files, paths, Map.of()));
    }
    return new LoadData(rows);
  }

  /** The predicted stains' file names of a site ({@link #outputName}), {@code .tif} when the input's are. */
  private static Map<Channel, String> fileNames(GeneratorOptions generator, PlateFolder plate, Site site) {
    boolean tif = plate.file(site, generator.inputs().getFirst()).getFileName().toString().endsWith(".tif");
    Map<Channel, String> files = new TreeMap<>();
    for (Channel ch : generator.outputs()) {
      String name = outputName(plate, site, ch);
      files.put(ch, tif ? name.substring(0, name.length() - 1) : name);
    }
    return files;
  }

  /**
   * The file name of a predicted stain, in the input's layout: the Phenix name with the stain's
   * {@code ch<N>} (the plate's channel map's number for it, else CPJUMP1's) for a Phenix plate;
   * {@code <well>_s<site>_<Stain>.tiff} for a plate described by a LoadData CSV, or for a stain no
   * Phenix number holds.
   *
   * @param plate the input plate
   * @param site the site
   * @param stain the predicted stain
   * @return the file name (no folders)
   */
  static String outputName(PlateFolder plate, Site site, Channel stain) {
    int n = plate.loadData() != null ? 0 : plate.channels().byNumber().entrySet().stream()
        .filter(e -> e.getValue().equals(stain)).mapToInt(java.util.Map.Entry::getKey).findFirst()
        .orElse(plate.channels().channel(stain.phenixNumber()) == null ? stain.phenixNumber() : 0);
    if (n > 0) {
      return String.format(java.util.Locale.ROOT, "r%02dc%02df%02dp01-ch%dsk1fk1fl1.tiff", site.well().row(),
          site.well().column(), site.field(), n);
    }
    return site.well().name() + "_s" + site.field() + "_" + stain.cpName() + ".tiff";
  }

  /** Predicts (or draws) every site into the plate folder {@code tmp}: Images/ and load_data.csv. */
  private static void writeSites(Generator generator, PlateFolder plate, ImageSource source, List<Site> sites,
      Preprocessing prep, Sampling sampling, boolean draw, Path tmp) throws IOException {
    Path images = java.nio.file.Files.createDirectories(tmp.resolve("Images"));
    for (Site site : sites) {
      writeSite(generator, plate, source, site, prep, sampling, draw, images);
    }
    loadData(generator.options(), plate, sites).write(tmp.resolve("load_data.csv"));
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
    List<Site> sites = sitesToPredict(plate, options);
    Stochasticity st = generator.stochasticity();
    int k = st == Stochasticity.POINT ? 1 : samples;
    // the plate's illumination functions are read once for the whole plate, not once per site
    CachedIllumination source = CachedIllumination.of(plate);
    Sampling base = options.sampling();
    List<Long> seeds = new ArrayList<>();
    Path dir = outRoot.resolve(plate.barcode());
    try {
      AtomicFiles.writeFolder(dir, tmp -> {
        StringBuilder csv = new StringBuilder("sample,folder,seed,stochasticity,sampler,steps\n");
        for (int i = 0; i < k; i++) {
          Sampling s = new Sampling(base.sampler(), base.steps(), base.seed() + i);
          Path sd = java.nio.file.Files.createDirectories(tmp.resolve(sampleName(i)));
          writeSites(generator, plate, source, sites, options.preprocessing(), s, true, sd);
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
