package org.brightpaint.features.measure;

import java.util.List;
import java.util.Locale;

/**
 * CellProfiler 4.0.6 feature-name templates of the families in this package, without the
 * compartment prefix ({@code Cells_}, {@code Nuclei_}, {@code Cytoplasm_}). The names are a
 * contract: they make our tables comparable with every published Cell Painting profile.
 */
public final class FeatureNames {
  private FeatureNames() {}

  /** The 13 Haralick features in CellProfiler's (and mahotas') order. */
  public static final List<String> HARALICK =
      List.of(
          "AngularSecondMoment", "Contrast", "Correlation", "Variance", "InverseDifferenceMoment",
          "SumAverage", "SumVariance", "SumEntropy", "Entropy", "DifferenceVariance",
          "DifferenceEntropy", "InfoMeas1", "InfoMeas2");

  /** {@code Texture_<Feature>_<Image>_<scale>_<direction 00..03>_<gray levels>}. */
  public static final String TEXTURE = "Texture_%s_%s_%d_%02d_%d";

  /** {@code Granularity_<n>_<Image>}, n = 1..spectrum length. */
  public static final String GRANULARITY = "Granularity_%d_%s";

  /** {@code Correlation_Correlation_<A>_<B>} (Pearson r), once per pair. */
  public static final String CORRELATION = "Correlation_Correlation_%s_%s";

  /** {@code Correlation_Manders_<A>_<B>} (M1, fraction of A) and {@code _<B>_<A>} (M2). */
  public static final String MANDERS = "Correlation_Manders_%s_%s";

  /** {@code Correlation_RWC_<A>_<B>} and {@code _<B>_<A>}. */
  public static final String RWC = "Correlation_RWC_%s_%s";

  /** {@code Correlation_Costes_<A>_<B>} and {@code _<B>_<A>} (CellProfiler's F_COSTES_FORMAT). */
  public static final String COSTES = "Correlation_Costes_%s_%s";

  /** {@code Correlation_Overlap_<A>_<B>}, once per pair. */
  public static final String OVERLAP = "Correlation_Overlap_%s_%s";

  /** {@code Correlation_K_<A>_<B>} and {@code _<B>_<A>}. */
  public static final String K = "Correlation_K_%s_%s";

  /** {@code RadialDistribution_FracAtD_<Image>_<bin>of<bins>}. */
  public static final String FRAC_AT_D = "RadialDistribution_FracAtD_%s_%dof%d";

  /** {@code RadialDistribution_MeanFrac_<Image>_<bin>of<bins>}. */
  public static final String MEAN_FRAC = "RadialDistribution_MeanFrac_%s_%dof%d";

  /** {@code RadialDistribution_RadialCV_<Image>_<bin>of<bins>}. */
  public static final String RADIAL_CV = "RadialDistribution_RadialCV_%s_%dof%d";

  /**
   * The seven neighbour features in CellProfiler's output order; the full name is {@code
   * Neighbors_<feature>_<distance or Adjacent>} (see {@link #neighbors}).
   */
  public static final List<String> NEIGHBORS =
      List.of(
          "NumberOfNeighbors", "FirstClosestObjectNumber", "FirstClosestDistance",
          "SecondClosestObjectNumber", "SecondClosestDistance", "AngleBetweenNeighbors",
          "PercentTouching");

  /**
   * @param feature one of {@link #HARALICK}
   * @param image the image name, e.g. "ER"
   * @param scale the texture scale in pixels
   * @param direction 0..3
   * @param grayLevels the number of grey levels, e.g. 256
   * @return e.g. {@code Texture_SumEntropy_ER_3_00_256}
   */
  public static String texture(String feature, String image, int scale, int direction, int grayLevels) {
    return String.format(Locale.ROOT, TEXTURE, feature, image, scale, direction, grayLevels);
  }

  /**
   * @param n spectrum index, 1-based
   * @param image the image name
   * @return e.g. {@code Granularity_16_DNA}
   */
  public static String granularity(int n, String image) {
    return String.format(Locale.ROOT, GRANULARITY, n, image);
  }

  /**
   * @param template one of the {@code Correlation_*} templates
   * @param a first image
   * @param b second image
   * @return the name
   */
  public static String correlation(String template, String a, String b) {
    return String.format(Locale.ROOT, template, a, b);
  }

  /**
   * @param template {@link #FRAC_AT_D}, {@link #MEAN_FRAC} or {@link #RADIAL_CV}
   * @param image the image name
   * @param bin 1-based bin
   * @param bins the number of bins
   * @return e.g. {@code RadialDistribution_FracAtD_Mito_1of4}
   */
  public static String radial(String template, String image, int bin, int bins) {
    return String.format(Locale.ROOT, template, image, bin, bins);
  }

  /**
   * @param feature one of {@link #NEIGHBORS}
   * @param scale "5", "1" or "Adjacent"
   * @return e.g. {@code Neighbors_NumberOfNeighbors_5}
   */
  public static String neighbors(String feature, String scale) {
    return "Neighbors_" + feature + "_" + scale;
  }
}
