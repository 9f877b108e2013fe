package org.brightpaint.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.brightpaint.data.Channel;

/**
 * A parsed CellProfiler column name:
 * {@code <Compartment>_<Category>_<Feature>_<Image>[_<suffix>]}.
 *
 * <p>Examples: {@code Cells_Intensity_MeanIntensity_DNA} (CELLS, INTENSITY, "MeanIntensity", [DNA]);
 * {@code Nuclei_Texture_SumEntropy_ER_3_00_256} (NUCLEI, TEXTURE, "SumEntropy", [ER], suffix
 * "3_00_256"); {@code Cells_Correlation_RWC_DNA_ER} (two images); {@code
 * Cytoplasm_RadialDistribution_FracAtD_Mito_1of4}; {@code Cells_AreaShape_Zernike_3_1} (no image);
 * {@code Cells_Location_CenterMassIntensity_X_DNA}. CellProfiler's per-object CSV exports omit the
 * compartment prefix ({@code AreaShape_Area} in {@code Cells.csv}); {@link #parse(String,
 * Compartment)} takes the compartment for such names.
 *
 * @param column the full column name as given
 * @param compartment the compartment ({@link Compartment#NONE} for bookkeeping columns)
 * @param group the feature group
 * @param feature the measurement name within the group ("MeanIntensity", "Zernike_3_1", "16")
 * @param images the image (channel) names the feature is measured on, 0..2
 * @param suffix trailing parameters (texture scale/direction/levels, radial bin), or ""
 */
public record FeatureName(
    String column, Compartment compartment, FeatureGroup group, String feature, List<String> images, String suffix) {

  /** Copies the image list. */
  public FeatureName {
    images = List.copyOf(images);
  }

  /**
   * Parses a column with a compartment prefix (or a bookkeeping column).
   *
   * @param column e.g. "Cells_Intensity_MeanIntensity_DNA"
   * @return the parsed name; group METADATA for unrecognised columns
   */
  public static FeatureName parse(String column) {
    return parse(column, Compartment.NONE);
  }

  /**
   * Parses a column, using {@code defaultCompartment} when the name has no compartment prefix.
   *
   * @param column the column name
   * @param defaultCompartment compartment of unprefixed names (the CSV file's object set)
   * @return the parsed name
   */
  public static FeatureName parse(String column, Compartment defaultCompartment) {
    List<String> t = new ArrayList<>(Arrays.asList(column.split("_")));
    Compartment comp = Compartment.ofPrefix(t.get(0));
    boolean prefixed = comp != null && t.size() > 1;
    if (prefixed) {
      t.remove(0);
    } else {
      comp = defaultCompartment;
    }
    FeatureGroup g = FeatureGroup.ofCategory(t.get(0));
    if (g == null || t.size() < 2) {
      return new FeatureName(column, prefixed ? comp : Compartment.NONE, FeatureGroup.METADATA,
          String.join("_", t), List.of(), "");
    }
    List<String> rest = t.subList(1, t.size());
    return switch (g) {
      case AREA_SHAPE, NEIGHBORS, OBJECT -> new FeatureName(column, comp, g, String.join("_", rest), List.of(), "");
      case LOCATION -> location(column, comp, rest);
      case CORRELATION -> correlation(column, comp, rest);
      case INTENSITY, GRANULARITY -> new FeatureName(column, comp, g, rest.get(0), imageList(rest.subList(1, rest.size())), "");
      case TEXTURE, RADIAL_DISTRIBUTION -> withSuffix(column, comp, g, rest);
      default -> throw new IllegalStateException("unreachable: " + g);
    };
  }

  /**
   * @return the channels among {@link #images()} that are brightpaint channels (images such as
   *     "PH3" are skipped)
   */
  public List<Channel> channels() {
    List<Channel> out = new ArrayList<>();
    for (String i : images) {
      try {
        out.add(Channel.ofName(i));
      } catch (IllegalArgumentException e) {
        // not one of ours: kept in images(), not a channel
      }
    }
    return out;
  }

  /**
   * @return the channel label used for aggregation: the single image name, "A-B" for two-image
   *     (correlation) features, or "none" for shape, neighbour and centre features
   */
  public String channelLabel() {
    return images.isEmpty() ? "none" : String.join("-", images);
  }

  private static List<String> imageList(List<String> tokens) {
    return tokens.isEmpty() ? List.of() : List.of(String.join("_", tokens));
  }

  private static FeatureName location(String column, Compartment comp, List<String> rest) {
    // Center_X | CenterMassIntensity_X_DNA | MaxIntensity_X_DNA
    if (rest.size() >= 3) {
      return new FeatureName(column, comp, FeatureGroup.LOCATION, rest.get(0) + "_" + rest.get(1),
          imageList(rest.subList(2, rest.size())), "");
    }
    return new FeatureName(column, comp, FeatureGroup.LOCATION, String.join("_", rest), List.of(), "");
  }

  private static FeatureName correlation(String column, Compartment comp, List<String> rest) {
    List<String> imgs = rest.subList(1, rest.size());
    if (imgs.size() == 2) {
      return new FeatureName(column, comp, FeatureGroup.CORRELATION, rest.get(0), imgs, "");
    }
    // image names with underscores: split where the tail is a known channel
    for (int k = 1; k < imgs.size(); k++) {
      String a = String.join("_", imgs.subList(0, k)), b = String.join("_", imgs.subList(k, imgs.size()));
      if (isChannel(a) && isChannel(b)) {
        return new FeatureName(column, comp, FeatureGroup.CORRELATION, rest.get(0), List.of(a, b), "");
      }
    }
    return new FeatureName(column, comp, FeatureGroup.CORRELATION, rest.get(0), imageList(imgs), "");
  }

  private static FeatureName withSuffix(String column, Compartment comp, FeatureGroup g, List<String> rest) {
    int end = rest.size();
    while (end > 2 && isParameter(rest.get(end - 1))) {
      end--;
    }
    return new FeatureName(column, comp, g, rest.get(0), imageList(rest.subList(1, end)),
        String.join("_", rest.subList(end, rest.size())));
  }

  private static boolean isParameter(String token) {
    return token.matches("\\d+") || token.matches("\\d+of\\d+");
  }

  private static boolean isChannel(String s) {
    try {
      Channel.ofName(s);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
