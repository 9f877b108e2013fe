package org.brightpaint.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.util.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.brightpaint.config.RunSize;
import org.brightpaint.config.Workspace;
import org.brightpaint.data.io.Npy;
import org.brightpaint.image.Augmentation;
import org.brightpaint.image.FloatImage;
import org.brightpaint.image.PercentileNormalization;

/**
 * Paired samples for the generators: the input planes {@code [I, H, W]} as data and the output
 * stains {@code [C, H, W]} as label, each channel preprocessed by {@link Preprocessing}
 * (illumination, area resize, percentile normalisation to [-1, 1]). By default the paper's
 * layout: brightfield {@code [3, H, W]} in {@link Channel#BRIGHTFIELD_INPUTS} order (LowZBF,
 * Brightfield, HighZBF) to fluorescence {@code [5, H, W]} in {@link Channel#FLUORESCENT} order
 * (Mito, AGP, RNA, ER, DNA); {@link Builder#optChannels} names any other (e.g. two phase planes
 * to DNA).
 *
 * <p>One sample is one site. The first time a site is read its I + C preprocessed channels are
 * written to the cache ({@code <cache>/<key>/<plate>/<well>-f<field>.npy}, float32
 * {@code [I + C, H, W]}, plus {@code <well>-f<field>.scaling.npy}, float32 {@code [I + C + 1, 2]}:
 * each channel's percentile scaling (low, high), then the source images' width and height), so
 * later epochs never decode an image again (an entry in an older layout is recomputed); the key covers the preprocessing, the channels and the source files' sizes and times.
 *
 * <p>Order: sites sorted by plate, well and field, then, with {@code optShuffle(seed)},
 * permuted by a seeded Fisher-Yates shuffle: the same seed gives the same order on every run. Use
 * {@code setSampling(batchSize, false)} so DJL keeps that order (DJL's own shuffling draws from an
 * unseeded generator). Optional augmentation (random crop, flips, quarter turns) is drawn from
 * (seed, index, epoch).
 */
public final class PairedDataset extends RandomAccessDataset {

  private final List<Sample> samples;
  private final Preprocessing preprocessing;
  private final Path cacheDir;
  private final int crop;
  private final boolean augment;
  private final long seed;
  private final List<Channel> inputs;
  private final List<Channel> outputs;
  private volatile int epoch;

  /**
   * One sample: a site of a plate folder.
   *
   * @param plate the plate folder
   * @param site the site
   */
  public record Sample(PlateFolder plate, Site site) {}

  private PairedDataset(Builder b, List<Sample> samples) {
    super(b);
    this.samples = List.copyOf(samples);
    this.preprocessing = b.preprocessing;
    this.cacheDir = b.cacheDir;
    this.crop = b.crop;
    this.augment = b.augment;
    this.seed = b.seed == null ? 0 : b.seed;
    this.inputs = b.inputs;
    this.outputs = b.outputs;
  }

  /** @return the input planes, in tensor order */
  public List<Channel> inputs() {
    return inputs;
  }

  /** @return the output stains, in tensor order */
  public List<Channel> outputs() {
    return outputs;
  }

  /** @return a builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the samples in dataset order */
  public List<Sample> samples() {
    return samples;
  }

  /**
   * Sets the epoch that augmentation draws from (call at the start of each epoch).
   *
   * @param epoch the epoch, 0-based
   */
  public void setEpoch(int epoch) {
    this.epoch = epoch;
  }

  @Override
  protected long availableSize() {
    return samples.size();
  }

  @Override
  public void prepare(Progress progress) {
    if (progress != null) {
      progress.reset("Preprocessing sites", samples.size());
    }
    for (int i = 0; i < samples.size(); i++) {
      prepared(i);
      if (progress != null) {
        progress.increment(1);
      }
    }
  }

  @Override
  public Record get(NDManager manager, long index) {
    Preprocessing.Prepared p = prepared((int) index);
    int n = p.size();
    List<Channel> order = order();
    FloatImage[] all = new FloatImage[order.size()];
    for (int c = 0; c < all.length; c++) {
      all[c] = p.channels().get(order.get(c));
    }
    if (crop > 0 || augment) {
      long s = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + epoch;
      all = Augmentation.random(all, crop, augment, new SplittableRandom(s));
    }
    int h = all[0].height();
    int w = all[0].width();
    int ni = inputs.size();
    int no = outputs.size();
    float[] bf = new float[ni * h * w];
    float[] fl = new float[no * h * w];
    for (int c = 0; c < ni; c++) {
      System.arraycopy(all[c].pixels(), 0, bf, c * h * w, h * w);
    }
    for (int c = 0; c < no; c++) {
      System.arraycopy(all[ni + c].pixels(), 0, fl, c * h * w, h * w);
    }
    NDArray data = manager.create(bf, new Shape(ni, h, w));
    NDArray label = manager.create(fl, new Shape(no, h, w));
    return new Record(new NDList(data), new NDList(label));
  }

  private List<Channel> order() {
    List<Channel> o = new ArrayList<>(inputs);
    o.addAll(outputs);
    return o;
  }

  /**
   * The preprocessed site of a sample, from the cache or computed and cached.
   *
   * @param index sample index
   * @return the inputs and outputs, normalised, with their scalings
   */
  public Preprocessing.Prepared prepared(int index) {
    Sample s = samples.get(index);
    Path file = cacheFile(s);
    Path scal = file.resolveSibling(file.getFileName().toString().replace(".npy", ".scaling.npy"));
    List<Channel> order = order();
    if (Files.exists(file) && Files.exists(scal) && Npy.read(scal).shape()[0] == order.size() + 1) {
      Npy.Array a = Npy.read(file);
      Npy.Array sc = Npy.read(scal);
      int n = a.shape()[1];
      int sourceWidth = (int) sc.data()[2 * order.size()];
      int sourceHeight = (int) sc.data()[2 * order.size() + 1];
      var channels = new java.util.TreeMap<Channel, FloatImage>();
      var scalings = new java.util.TreeMap<Channel, PercentileNormalization.Scaling>();
      for (int c = 0; c < order.size(); c++) {
        float[] px = new float[n * n];
        System.arraycopy(a.data(), c * n * n, px, 0, n * n);
        channels.put(order.get(c), new FloatImage(n, n, px));
        scalings.put(order.get(c), new PercentileNormalization.Scaling(sc.data()[2 * c], sc.data()[2 * c + 1]));
      }
      return new Preprocessing.Prepared(s.site(), n, sourceWidth, sourceHeight, channels, scalings);
    }
    Preprocessing.Prepared p = preprocessing.apply(s.plate(), s.site(), order);
    float[] sc = new float[2 * order.size() + 2];
    for (int c = 0; c < order.size(); c++) {
      sc[2 * c] = (float) p.scalings().get(order.get(c)).low();
      sc[2 * c + 1] = (float) p.scalings().get(order.get(c)).high();
    }
    // last row: the source width and height (exact in float32 up to 2^24 px)
    sc[2 * order.size()] = p.sourceWidth();
    sc[2 * order.size() + 1] = p.sourceHeight();
    Npy.write(scal, new Npy.Array(new int[] {order.size() + 1, 2}, sc));
    Npy.write(file, new Npy.Array(new int[] {order.size(), p.size(), p.size()}, p.stack(order)));
    // re-read the stored scalings so that first and later epochs return identical values
    return prepared(index);
  }

  private Path cacheFile(Sample s) {
    String key = cacheKey(s.plate());
    return cacheDir.resolve(key).resolve(s.site().plate())
        .resolve(s.site().well().name() + "-f" + s.site().field() + "-" + sourceKey(s) + ".npy");
  }

  /**
   * The key of a site's source files: every channel image and illumination function it is made
   * from, each by path, size and modification time, so that overwriting one file in place (which
   * leaves its folder's time alone) invalidates that site's cache entry.
   */
  private String sourceKey(Sample s) {
    StringBuilder sb = new StringBuilder();
    try {
      for (Channel c : order().stream().sorted().toList()) {
        for (Path p : List.of(s.plate().file(s.site(), c), s.plate().illuminationFile(c))) {
          sb.append(p.toAbsolutePath().normalize()).append('|');
          if (Files.exists(p)) {
            sb.append(Files.size(p)).append('|').append(Files.getLastModifiedTime(p)).append('\n');
          } else {
            sb.append("absent\n");
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot key the cache of " + s.site().id() + ": " + e.getMessage(), e);
    }
    return sha256(sb.toString()).substring(0, 16);
  }

  private static String sha256(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private final java.util.Map<Path, String> keys = new java.util.concurrent.ConcurrentHashMap<>();

  private String cacheKey(PlateFolder plate) {
    return keys.computeIfAbsent(plate.dir(), d -> {
      StringBuilder sb = new StringBuilder(d.toAbsolutePath().normalize().toString()).append('|').append(preprocessing);
      if (!inputs.equals(Channel.BRIGHTFIELD_INPUTS) || !outputs.equals(Channel.FLUORESCENT)) {
        // the paper's layout keeps its existing key; any other names its channels
        sb.append('|').append(order().stream().map(Channel::cpName).toList());
      }
      try {
        // the pixels are keyed per site and file (sourceKey); the plate key is where and how
        Path marker = d.getParent() == null ? null : d.getParent().resolve("SYNTHETIC_COMPLETE");
        if (marker != null && Files.exists(marker)) {
          sb.append('|').append(Files.readString(marker));
        }
        return sha256(sb.toString()).substring(0, 16);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot key the cache of " + d, e);
      }
    });
  }

  /** Builds a {@link PairedDataset}: {@code setPlates} is required, everything else optional. */
  public static final class Builder extends BaseBuilder<Builder> {
    private PlateSet plates;
    private Set<String> barcodes;
    private Split split;
    private Splits splits;
    private CellLine cellLine;
    private Set<Well> wells;
    private Set<MoaGroup> groups;
    private Preprocessing preprocessing = Preprocessing.of(RunSize.current());
    private Path cacheDir;
    private Long seed;
    private int crop;
    private boolean augment;
    private List<Channel> inputs = Channel.BRIGHTFIELD_INPUTS;
    private List<Channel> outputs = Channel.FLUORESCENT;

    /**
     * @param inputs the input planes, in tensor order (default {@link Channel#BRIGHTFIELD_INPUTS})
     * @param outputs the output stains, in tensor order (default {@link Channel#FLUORESCENT})
     * @return this
     * @throws IllegalArgumentException when a list is empty or they share a channel
     */
    public Builder optChannels(List<Channel> inputs, List<Channel> outputs) {
      if (inputs.isEmpty() || outputs.isEmpty()) {
        throw new IllegalArgumentException("Need at least one input plane and one output stain, got " + inputs + " -> "
            + outputs);
      }
      if (inputs.stream().anyMatch(outputs::contains)) {
        throw new IllegalArgumentException("A channel cannot be both input and output: " + inputs + " -> " + outputs);
      }
      this.inputs = List.copyOf(inputs);
      this.outputs = List.copyOf(outputs);
      return this;
    }

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * @param plates the plates to draw from (required)
     * @return this
     */
    public Builder setPlates(PlateSet plates) {
      this.plates = plates;
      return this;
    }

    /**
     * @param barcodes keep only these plates
     * @return this
     */
    public Builder optBarcodes(Collection<String> barcodes) {
      this.barcodes = new TreeSet<>(barcodes);
      return this;
    }

    /**
     * @param split keep only plates of this split
     * @return this
     */
    public Builder optSplit(Split split) {
      this.split = split;
      return this;
    }

    /**
     * @param splits how sites are assigned to splits (default: each plate's own split); used with
     *     {@link #optSplit(Split)}
     * @return this
     */
    public Builder optSplits(Splits splits) {
      this.splits = splits;
      return this;
    }

    /**
     * @param cellLine keep only plates of this cell line
     * @return this
     */
    public Builder optCellLine(CellLine cellLine) {
      this.cellLine = cellLine;
      return this;
    }

    /**
     * @param wells keep only these wells
     * @return this
     */
    public Builder optWells(Collection<Well> wells) {
      this.wells = new TreeSet<>(wells);
      return this;
    }

    /**
     * @param groups keep only wells whose JUMP-Target-1 perturbation is in these MoA groups
     * @return this
     */
    public Builder optMoaGroups(Collection<MoaGroup> groups) {
      this.groups = Set.copyOf(groups);
      return this;
    }

    /**
     * @param preprocessing how sites are preprocessed (default {@link Preprocessing#of(RunSize)})
     * @return this
     */
    public Builder optPreprocessing(Preprocessing preprocessing) {
      this.preprocessing = preprocessing;
      return this;
    }

    /**
     * @param cacheDir where preprocessed sites are kept (default {@code <workspace>/<size>/cache/paired})
     * @return this
     */
    public Builder optCacheDir(Path cacheDir) {
      this.cacheDir = cacheDir;
      return this;
    }

    /**
     * @param seed shuffle the sample order with this seed (and draw augmentations from it)
     * @return this
     */
    public Builder optShuffle(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * @param cropSize random square crops of this size (0: whole sites)
     * @param flipsAndRotations random flips and quarter turns
     * @return this
     */
    public Builder optAugmentation(int cropSize, boolean flipsAndRotations) {
      this.crop = cropSize;
      this.augment = flipsAndRotations;
      return this;
    }

    /**
     * Builds the dataset.
     *
     * @return the dataset
     * @throws IllegalArgumentException when no plates were set or the selection is empty
     */
    public PairedDataset build() {
      if (plates == null) {
        throw new IllegalArgumentException("You must set the plates (setPlates)");
      }
      if (sampler == null) {
        setSampling(1, false);
      }
      if (cacheDir == null) {
        cacheDir = Workspace.current().dir("cache").resolve("paired");
      }
      List<Sample> out = new ArrayList<>();
      PlateMap map = PlateMap.jumpTarget1();
      for (PlateFolder p : plates.plates()) {
        if (barcodes != null && !barcodes.contains(p.barcode())) {
          continue;
        }
        if (split != null && splits == null && p.split().orElse(null) != split) {
          continue;
        }
        if (cellLine != null && p.cellLine().orElse(null) != cellLine) {
          continue;
        }
        for (Site s : p.sites()) {
          if (split != null && splits != null && splits.of(p, s.well()).orElse(null) != split) {
            continue;
          }
          if (wells != null && !wells.contains(s.well())) {
            continue;
          }
          if (groups != null && !groups.contains(map.perturbation(s.well()).group())) {
            continue;
          }
          out.add(new Sample(p, s));
        }
      }
      if (out.isEmpty()) {
        throw new IllegalArgumentException("No sites selected from " + plates.root() + " (barcodes " + barcodes
            + ", split " + split + (splits == null ? "" : " (" + splits.description() + ")") + ", cell line " + cellLine + ", wells " + wells + ", groups " + groups + ")");
      }
      if (seed != null) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = out.size() - 1; i > 0; i--) {
          int j = rnd.nextInt(i + 1);
          Sample t = out.get(i);
          out.set(i, out.get(j));
          out.set(j, t);
        }
      }
      return new PairedDataset(this, out);
    }
  }
}
