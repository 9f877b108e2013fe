package org.brightpaint.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.brightpaint.data.Channel;
import org.brightpaint.image.FloatImage;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Site-by-site image quality of a folder of predictions against a folder of real images (the
 * {@code brightpaint quality} command): one row per site and fluorescent channel with MSE,
 * PSNR and SSIM normalised by the real image's robust range ({@link RobustRange}: 0.1 and 99.9
 * percentiles to 0..1, both clipped, data range 1), the same three raw (stored 16-bit values
 * scaled to [0, 1], data range 1: columns {@code *_raw}), and Pearson's r ({@link ImageQuality}).
 *
 * <p>Both folders must cover the same sites and channels; otherwise the error lists the
 * difference (up to 20 names of each side) unless partial comparison is allowed, in which case
 * only the common sites are compared and {@link #coverage()} says what was left out.
 *
 * @param table columns plate, well, site, channel, mse, psnr, ssim (normalised), pearson, mse_raw,
 *     psnr_raw, ssim_raw (counts / 65535, data range 1)
 * @param coverage what was compared and what was not
 */
public record QualityReport(Table table, Coverage coverage) {

  /**
   * Which sites and channels the two folders share.
   *
   * @param common site-channel pairs present in both
   * @param onlyReal site-channel pairs missing from the predictions, as "plate well fNN Channel"
   * @param onlyPredicted site-channel pairs missing from the real folder
   */
  public record Coverage(int common, List<String> onlyReal, List<String> onlyPredicted) {
    /** @return true when both folders cover the same site-channel pairs */
    public boolean complete() {
      return onlyReal.isEmpty() && onlyPredicted.isEmpty();
    }

    /** @return a human-readable summary of the difference */
    public String describe() {
      return common + " site-channel images in both; " + onlyReal.size() + " only in the real folder"
          + sample(onlyReal) + "; " + onlyPredicted.size() + " only in the prediction folder" + sample(onlyPredicted);
    }

    private static String sample(List<String> l) {
      return l.isEmpty() ? "" : " (" + String.join(", ", l.subList(0, Math.min(20, l.size()))) + (l.size() > 20 ? ", ..." : "") + ")";
    }
  }

  /**
   * Options.
   *
   * @param dataRange the data range of the scaled values (1)
   * @param allowPartial compare the common sites when the folders differ instead of failing
   * @param channels the channels to compare
   * @param plates the plates to compare (sites of other plates are ignored on both sides); empty
   *     for all
   */
  public record Options(double dataRange, boolean allowPartial, List<Channel> channels, java.util.Set<String> plates) {
    /** Validates. */
    public Options {
      Checks.dataRange(dataRange);
      channels = List.copyOf(channels);
      plates = java.util.Set.copyOf(plates);
    }

    /** @return data range 1, strict coverage, the five fluorescent channels, all plates */
    public static Options defaults() {
      return new Options(1.0, false, Channel.FLUORESCENT, java.util.Set.of());
    }

    /**
     * @param only the plates to compare
     * @return a copy restricted to those plates
     */
    public Options withPlates(java.util.Collection<String> only) {
      return new Options(dataRange, allowPartial, channels, java.util.Set.copyOf(only));
    }

    /**
     * @param partial compare the common sites instead of failing when the folders differ
     * @return a copy with that setting
     */
    public Options withAllowPartial(boolean partial) {
      return new Options(dataRange, partial, channels, plates);
    }
  }

  /**
   * @param realDir folder of real Phenix-named images
   * @param predDir folder of predicted Phenix-named images
   * @param options options
   * @return the table and coverage
   * @throws IllegalArgumentException describing the difference when the folders do not cover the
   *     same sites (and partial comparison is not allowed), or naming a file that cannot be read
   */
  public static QualityReport compare(Path realDir, Path predDir, Options options) {
    var real = QualityFolders.scan(realDir);
    var pred = QualityFolders.scan(predDir);
    TreeSet<String> onlyR = new TreeSet<>(), onlyP = new TreeSet<>();
    List<Object[]> common = new ArrayList<>();
    TreeSet<QualityFolders.Site> sites = new TreeSet<>(real.keySet());
    sites.addAll(pred.keySet());
    if (!options.plates().isEmpty()) {
      sites.removeIf(s -> !options.plates().contains(s.plate()));
    }
    for (QualityFolders.Site s : sites) {
      Map<Channel, Path> r = real.getOrDefault(s, Map.of()), p = pred.getOrDefault(s, Map.of());
      for (Channel c : options.channels()) {
        boolean inR = r.containsKey(c), inP = p.containsKey(c);
        if (inR && inP) common.add(new Object[] {s, c, r.get(c), p.get(c)});
        else if (inR) onlyR.add(s + " " + c.cpName());
        else if (inP) onlyP.add(s + " " + c.cpName());
      }
    }
    Coverage cov = new Coverage(common.size(), List.copyOf(onlyR), List.copyOf(onlyP));
    if (!cov.complete() && !options.allowPartial()) {
      throw new IllegalArgumentException("The real folder " + realDir + " and the prediction folder " + predDir
          + " do not cover the same sites: " + cov.describe());
    }
    if (common.isEmpty()) {
      throw new IllegalArgumentException("No site and channel in common between " + realDir + " and " + predDir + ": " + cov.describe());
    }
    Table t = empty();
    for (Object[] row : common) {
      QualityFolders.Site s = (QualityFolders.Site) row[0];
      Channel c = (Channel) row[1];
      FloatImage a = QualityFolders.read((Path) row[2]);
      FloatImage b = QualityFolders.read((Path) row[3]);
      if (a.width() != b.width() || a.height() != b.height()) {
        throw new IllegalArgumentException("Size mismatch for " + s + " " + c.cpName() + ": " + row[2] + " is "
            + a.width() + " x " + a.height() + ", " + row[3] + " is " + b.width() + " x " + b.height());
      }
      append(t, s, c, ImageQuality.of(a, b, options.dataRange()));
    }
    return new QualityReport(t, cov);
  }

  /** @return an empty quality table with the CSV's columns */
  public static Table empty() {
    return Table.create("quality", StringColumn.create("plate"), StringColumn.create("well"), IntColumn.create("site"),
        StringColumn.create("channel"), DoubleColumn.create("mse"), DoubleColumn.create("psnr"),
        DoubleColumn.create("ssim"), DoubleColumn.create("pearson"), DoubleColumn.create("mse_raw"),
        DoubleColumn.create("psnr_raw"), DoubleColumn.create("ssim_raw"));
  }

  /**
   * Appends one row.
   *
   * @param t a table from {@link #empty()}
   * @param site the site
   * @param channel the channel
   * @param q the metrics
   */
  public static void append(Table t, QualityFolders.Site site, Channel channel, ImageQuality q) {
    t.stringColumn("plate").append(site.plate());
    t.stringColumn("well").append(site.well());
    t.intColumn("site").append(site.site());
    t.stringColumn("channel").append(channel.cpName());
    t.doubleColumn("mse").append(q.mse());
    t.doubleColumn("psnr").append(q.psnr());
    t.doubleColumn("ssim").append(q.ssim());
    t.doubleColumn("pearson").append(q.pearson());
    t.doubleColumn("mse_raw").append(q.mseRaw());
    t.doubleColumn("psnr_raw").append(q.psnrRaw());
    t.doubleColumn("ssim_raw").append(q.ssimRaw());
  }
}
