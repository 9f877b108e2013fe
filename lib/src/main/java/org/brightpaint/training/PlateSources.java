package org.brightpaint.training;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.brightpaint.config.RunSize;
import org.brightpaint.data.CellLine;
import org.brightpaint.data.Channel;
import org.brightpaint.data.PairedDataset;
import org.brightpaint.data.PlateSet;
import org.brightpaint.data.Preprocessing;
import org.brightpaint.data.Split;
import org.brightpaint.data.Splits;
import org.brightpaint.image.PercentileNormalization;
import org.brightpaint.models.Normalisation;

/**
 * Adapts the data layer's {@link PairedDataset} (preprocessed, normalised sites) to the loops'
 * {@link PairedSource}: every selected site is cut into a fixed grid of non-overlapping square
 * crops, so example {@code i} is always the same crop and data order is entirely the loop's
 * seeded permutation. Sites are preprocessed (and cached on disk) by the data layer and held in
 * memory once read.
 */
public final class PlateSources {

  private PlateSources() {}

  /**
   * Crops of the sites of one split.
   *
   * @param plates the plates
   * @param split which split (TRAIN, VALIDATE, TEST)
   * @param cellLine one cell line, or null for both
   * @param size the run size (its preprocessing: 256 px at CI, 512 px at FULL)
   * @param cropSize side of the crops, &lt;= the preprocessed size
   * @param maxSites at most this many sites, spread evenly over the selection (0 = all)
   * @return the source
   */
  public static SiteCrops crops(PlateSet plates, Split split, CellLine cellLine, RunSize size, int cropSize,
      int maxSites) {
    return crops(plates, null, split, cellLine, size, cropSize, maxSites);
  }

  /**
   * Crops of the sites of one split, split as {@code splits} says.
   *
   * @param plates the plates
   * @param splits how sites are split ({@link Splits#of}), or null for each plate's own split
   * @param split which split (TRAIN, VALIDATE, TEST)
   * @param cellLine one cell line, or null for both
   * @param size the run size (its preprocessing: 256 px at CI, 512 px at FULL)
   * @param cropSize side of the crops, &lt;= the preprocessed size
   * @param maxSites at most this many sites, spread evenly over the selection (0 = all)
   * @return the source
   */
  public static SiteCrops crops(PlateSet plates, Splits splits, Split split, CellLine cellLine, RunSize size,
      int cropSize, int maxSites) {
    return crops(plates, splits, split, cellLine, size, cropSize, maxSites, Channel.BRIGHTFIELD_INPUTS,
        Channel.FLUORESCENT);
  }

  /**
   * Crops of the sites of one split, with any input planes and output stains.
   *
   * @param plates the plates
   * @param splits how sites are split ({@link Splits#of}), or null for each plate's own split
   * @param split which split (TRAIN, VALIDATE, TEST)
   * @param cellLine one cell line, or null for both
   * @param size the run size (its preprocessing: 256 px at CI, 512 px at FULL)
   * @param cropSize side of the crops, &lt;= the preprocessed size
   * @param maxSites at most this many sites, spread evenly over the selection (0 = all)
   * @param inputs the input planes, in tensor order (a generator's {@code options().inputs()})
   * @param outputs the output stains, in tensor order (a generator's {@code options().outputs()})
   * @return the source: examples {@code ([inputs, crop, crop], [outputs, crop, crop])}
   */
  public static SiteCrops crops(PlateSet plates, Splits splits, Split split, CellLine cellLine, RunSize size,
      int cropSize, int maxSites, List<Channel> inputs, List<Channel> outputs) {
    PairedDataset ds = PairedDataset.builder().setPlates(plates).optSplits(splits).optSplit(split)
        .optCellLine(cellLine).optPreprocessing(Preprocessing.of(size)).optChannels(inputs, outputs).build();
    int n = ds.samples().size();
    int keep = maxSites <= 0 ? n : Math.min(maxSites, n);
    int[] chosen = new int[keep];
    for (int i = 0; i < keep; i++) {
      chosen[i] = (int) ((long) i * n / keep);
    }
    return new SiteCrops(ds, chosen, cropSize);
  }

  /** A {@link PairedSource} of fixed crops of preprocessed sites. */
  public static final class SiteCrops implements PairedSource {
    private final PairedDataset dataset;
    private final int[] sites;
    private final int crop;
    private final float[][] bf;
    private final float[][] fl;
    private int side = -1;
    private int perRow;

    SiteCrops(PairedDataset dataset, int[] sites, int crop) {
      this.dataset = dataset;
      this.sites = sites;
      this.crop = crop;
      this.bf = new float[sites.length][];
      this.fl = new float[sites.length][];
      load(0);
      if (crop <= 0 || crop > side) {
        throw new IllegalArgumentException("Crop size must be in 1.." + side + " (the preprocessed site size), got "
            + crop);
      }
      perRow = side / crop;
    }

    private synchronized void load(int s) {
      if (bf[s] == null) {
        Preprocessing.Prepared p = dataset.prepared(sites[s]);
        side = p.size();
        bf[s] = p.stack(dataset.inputs());
        fl[s] = p.stack(dataset.outputs());
      }
    }

    /** @return the input planes, in tensor order */
    public List<Channel> inputs() {
      return dataset.inputs();
    }

    /** @return the output stains, in tensor order */
    public List<Channel> outputs() {
      return dataset.outputs();
    }

    /** @return the number of sites */
    public int siteCount() {
      return sites.length;
    }

    /** @return crops per site */
    public int cropsPerSite() {
      return perRow * perRow;
    }

    @Override
    public int size() {
      return sites.length * cropsPerSite();
    }

    @Override
    public NDList get(int index, NDManager manager) {
      int s = index / cropsPerSite();
      int t = index % cropsPerSite();
      load(s);
      int x0 = (t % perRow) * crop;
      int y0 = (t / perRow) * crop;
      int ni = dataset.inputs().size();
      int no = dataset.outputs().size();
      return new NDList(manager.create(cut(bf[s], ni, x0, y0), new Shape(ni, crop, crop)),
          manager.create(cut(fl[s], no, x0, y0), new Shape(no, crop, crop)));
    }

    private float[] cut(float[] stack, int channels, int x0, int y0) {
      float[] out = new float[channels * crop * crop];
      for (int c = 0; c < channels; c++) {
        for (int y = 0; y < crop; y++) {
          System.arraycopy(stack, (c * side + y0 + y) * side + x0, out, (c * crop + y) * crop, crop);
        }
      }
      return out;
    }

    /**
     * The typical raw intensity range of each output stain over these sites: the median
     * of the per-site percentile scalings, used to write predictions back as counts.
     *
     * @param normalization the percentile normalisation the data used
     * @return the normalisation record saved with the generator
     */
    public Normalisation normalisation(PercentileNormalization normalization) {
      int k = Math.min(sites.length, 64);
      List<Channel> ch = dataset.outputs();
      double[] lo = new double[ch.size()];
      double[] hi = new double[ch.size()];
      for (int c = 0; c < ch.size(); c++) {
        double[] l = new double[k];
        double[] h = new double[k];
        for (int i = 0; i < k; i++) {
          PercentileNormalization.Scaling sc = dataset.prepared(sites[(int) ((long) i * sites.length / k)])
              .scalings().get(ch.get(c));
          l[i] = sc.low();
          h[i] = sc.high();
        }
        Arrays.sort(l);
        Arrays.sort(h);
        lo[c] = l[k / 2];
        hi[c] = Math.max(h[k / 2], lo[c] + 1);
      }
      return new Normalisation(normalization.lowPercentile(), normalization.highPercentile(), ch, lo, hi);
    }

    /** @return the dataset samples behind this source, in site order */
    public List<PairedDataset.Sample> samples() {
      List<PairedDataset.Sample> out = new ArrayList<>();
      for (int s : sites) {
        out.add(dataset.samples().get(s));
      }
      return out;
    }
  }
}
