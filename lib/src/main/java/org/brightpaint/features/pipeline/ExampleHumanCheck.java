package org.brightpaint.features.pipeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.brightpaint.data.io.ImageReader;
import org.brightpaint.features.FeatureSet;
import org.brightpaint.image.FloatImage;

/**
 * Runs the {@code examplehuman} preset on CellProfiler's ExampleHuman image (bundled under
 * {@code /fixtures/example-human/}) and compares with CellProfiler 4.0.6's own output: counts,
 * final thresholds and, for nuclei matched by centroid within {@value #MATCH_PX} px (nearest
 * unmatched CellProfiler nucleus), the Pearson correlation of each compared feature.
 */
public final class ExampleHumanCheck {

  /** Matching radius for centroids, in pixels. */
  public static final double MATCH_PX = 3.0;

  /** Nucleus features compared (CellProfiler names without the compartment prefix). */
  public static final List<String> COMPARED = List.of(
      "AreaShape_Area", "AreaShape_Perimeter", "AreaShape_FormFactor", "AreaShape_Eccentricity",
      "AreaShape_Solidity", "AreaShape_MajorAxisLength", "AreaShape_MinorAxisLength", "AreaShape_Extent",
      "AreaShape_MaxFeretDiameter", "AreaShape_MinFeretDiameter", "AreaShape_MaximumRadius",
      "AreaShape_MeanRadius", "AreaShape_Zernike_0_0", "AreaShape_Zernike_2_0", "AreaShape_Zernike_4_0",
      "Intensity_MeanIntensity_DNA", "Intensity_IntegratedIntensity_DNA",
      "Intensity_LowerQuartileIntensity_DNA", "Intensity_MedianIntensity_DNA",
      "Intensity_UpperQuartileIntensity_DNA", "Intensity_MADIntensity_DNA", "Intensity_StdIntensity_DNA",
      "Intensity_MeanIntensityEdge_DNA", "Intensity_MassDisplacement_DNA");

  /** Cell features compared (cells are matched through their nuclei). */
  public static final List<String> COMPARED_CELLS = List.of(
      "AreaShape_Area", "AreaShape_Perimeter", "AreaShape_FormFactor", "AreaShape_Solidity",
      "AreaShape_Eccentricity", "Intensity_MeanIntensity_DNA", "Intensity_IntegratedIntensity_DNA");

  private static final String BASE = "/fixtures/example-human/";

  private ExampleHumanCheck() {}

  /**
   * The outcome of the check.
   *
   * @param ourNuclei our nucleus count
   * @param ourCells our cell count
   * @param cpNuclei CellProfiler's nucleus count
   * @param cpCells CellProfiler's cell count
   * @param ourNucleiThreshold our final nuclei threshold
   * @param ourCellsThreshold our final cells threshold
   * @param cpNucleiThreshold CellProfiler's final nuclei threshold
   * @param cpCellsThreshold CellProfiler's final cells threshold
   * @param matched CellProfiler nuclei matched by one of ours within {@link #MATCH_PX}
   * @param matchedFraction {@code matched / cpNuclei}
   * @param correlations nucleus feature name to Pearson r over matched pairs
   * @param cellCorrelations cell feature name to Pearson r over the cells of matched nuclei
   * @param profile our full site profile
   */
  public record Result(
      int ourNuclei, int ourCells, int cpNuclei, int cpCells, double ourNucleiThreshold,
      double ourCellsThreshold, double cpNucleiThreshold, double cpCellsThreshold, int matched,
      double matchedFraction, Map<String, Double> correlations, Map<String, Double> cellCorrelations,
      SiteProfile profile) {

    /** @return a short human-readable summary */
    public String summary() {
      StringBuilder sb = new StringBuilder();
      sb.append(String.format("Nuclei %d (CellProfiler %d), Cells %d (CellProfiler %d)%n", ourNuclei, cpNuclei, ourCells, cpCells));
      sb.append(String.format("Threshold nuclei %.5f (CellProfiler %.5f), cells %.5f (CellProfiler %.5f)%n",
          ourNucleiThreshold, cpNucleiThreshold, ourCellsThreshold, cpCellsThreshold));
      sb.append(String.format("Matched %d of %d CellProfiler nuclei (%.1f%%)%n", matched, cpNuclei, 100 * matchedFraction));
      correlations.forEach((k, v) -> sb.append(String.format("  r(Nuclei_%s) = %.4f%n", k, v)));
      cellCorrelations.forEach((k, v) -> sb.append(String.format("  r(Cells_%s) = %.4f%n", k, v)));
      return sb.toString();
    }
  }

  /**
   * Runs the check on the bundled fixture.
   *
   * @return counts, thresholds, match rate and correlations
   */
  public static Result run() {
    try {
      Map<String, FloatImage> images = new LinkedHashMap<>();
      images.put("DNA", image("AS_09125_050116030001_D03f00d0.tif"));
      images.put("PH3", image("AS_09125_050116030001_D03f00d1.tif"));
      images.put("cellbody", image("AS_09125_050116030001_D03f00d2.tif"));
      SiteImages site = new SiteImages(1, Map.of(), images);
      SiteProfile profile = SiteProfiler.profile(site, ProfileSettings.exampleHuman());
      Map<String, String> imageRow = readCsv("Image.csv").get(0);
      List<Map<String, String>> cp = readCsv("Nuclei.csv");
      FeatureSet ours = profile.features().get(Compartment.NUCLEI);
      double[] ox = ours.get("Location_Center_X");
      double[] oy = ours.get("Location_Center_Y");
      int n = cp.size();
      boolean[] used = new boolean[ox.length];
      List<int[]> pairs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        double cx = Double.parseDouble(cp.get(i).get("Location_Center_X"));
        double cy = Double.parseDouble(cp.get(i).get("Location_Center_Y"));
        int best = -1;
        double bestD = MATCH_PX;
        for (int j = 0; j < ox.length; j++) {
          double d = Math.hypot(ox[j] - cx, oy[j] - cy);
          if (!used[j] && d <= bestD) {
            bestD = d;
            best = j;
          }
        }
        if (best >= 0) {
          used[best] = true;
          pairs.add(new int[] {i, best});
        }
      }
      Map<String, Double> corr = new LinkedHashMap<>();
      for (String f : COMPARED) {
        double[] a = new double[pairs.size()];
        double[] b = new double[pairs.size()];
        double[] col = ours.get(f);
        for (int k = 0; k < pairs.size(); k++) {
          a[k] = Double.parseDouble(cp.get(pairs.get(k)[0]).get(f));
          b[k] = col[pairs.get(k)[1]];
        }
        corr.put(f, pearson(a, b));
      }
      List<Map<String, String>> cpCells = readCsv("Cells.csv");
      Map<Integer, Map<String, String>> cellOfNucleus = new LinkedHashMap<>();
      for (Map<String, String> row : cpCells) {
        cellOfNucleus.put((int) Double.parseDouble(row.get("Parent_Nuclei")), row);
      }
      FeatureSet ourCells = profile.features().get(Compartment.CELLS);
      Map<String, Double> cellCorr = new LinkedHashMap<>();
      for (String f : COMPARED_CELLS) {
        List<double[]> v = new ArrayList<>();
        for (int[] pr : pairs) {
          int cpNumber = (int) Double.parseDouble(cp.get(pr[0]).get("ObjectNumber"));
          Map<String, String> row = cellOfNucleus.get(cpNumber);
          if (row != null && pr[1] < ourCells.objectCount()) {
            v.add(new double[] {Double.parseDouble(row.get(f)), ourCells.get(f)[pr[1]]});
          }
        }
        double[] a = new double[v.size()];
        double[] b = new double[v.size()];
        for (int k = 0; k < a.length; k++) {
          a[k] = v.get(k)[0];
          b[k] = v.get(k)[1];
        }
        cellCorr.put(f, pearson(a, b));
      }
      Map<String, Double> im = profile.imageMeasurements();
      return new Result(
          (int) Math.round(im.get("Count_Nuclei")), (int) Math.round(im.get("Count_Cells")),
          (int) Double.parseDouble(imageRow.get("Count_Nuclei")), (int) Double.parseDouble(imageRow.get("Count_Cells")),
          im.get("Threshold_FinalThreshold_Nuclei"), im.get("Threshold_FinalThreshold_Cells"),
          Double.parseDouble(imageRow.get("Threshold_FinalThreshold_Nuclei")),
          Double.parseDouble(imageRow.get("Threshold_FinalThreshold_Cells")),
          pairs.size(), (double) pairs.size() / n, corr, cellCorr, profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Pearson correlation; NaN pairs are skipped.
   *
   * @param a values
   * @param b values, same length
   * @return r, or NaN when fewer than two pairs or a constant side
   */
  public static double pearson(double[] a, double[] b) {
    double sa = 0;
    double sb = 0;
    int n = 0;
    for (int i = 0; i < a.length; i++) {
      if (Double.isFinite(a[i]) && Double.isFinite(b[i])) {
        sa += a[i];
        sb += b[i];
        n++;
      }
    }
    if (n < 2) {
      return Double.NaN;
    }
    double ma = sa / n;
    double mb = sb / n;
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < a.length; i++) {
      if (Double.isFinite(a[i]) && Double.isFinite(b[i])) {
        sab += (a[i] - ma) * (b[i] - mb);
        saa += (a[i] - ma) * (a[i] - ma);
        sbb += (b[i] - mb) * (b[i] - mb);
      }
    }
    return sab / Math.sqrt(saa * sbb);
  }

  private static FloatImage image(String name) throws IOException {
    try (InputStream in = resource(name)) {
      return ImageReader.read(in, BASE + name).scaled();
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = ExampleHumanCheck.class.getResourceAsStream(BASE + name);
    if (in == null) {
      throw new IOException("Missing classpath resource " + BASE + name);
    }
    return in;
  }

  private static List<Map<String, String>> readCsv(String name) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(resource(name), StandardCharsets.UTF_8))) {
      String[] header = r.readLine().split(",", -1);
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        String[] v = line.split(",", -1);
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.length && i < v.length; i++) {
          row.put(header[i], v[i]);
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
