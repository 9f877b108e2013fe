package org.brightpaint.features.measure;

import org.brightpaint.features.FeatureSet;
import org.brightpaint.image.LabelImage;

/**
 * Object bookkeeping columns as CellProfiler writes them: {@code Number_Object_Number},
 * {@code Location_Center_X/Y/Z} (pixel centroid; Z is 0), {@code Parent_<name>} (the parent's
 * object number, 0 for none) and {@code Children_<name>_Count}.
 */
public final class ObjectRelations {

  private ObjectRelations() {}

  /**
   * Object numbers and centres.
   *
   * @param labels the objects
   * @return {@code Number_Object_Number}, {@code Location_Center_X/Y/Z}
   */
  public static FeatureSet numbersAndCenters(LabelImage labels) {
    return numbersAndCenters(labels, true);
  }

  /**
   * Object numbers and centres, optionally without {@code Location_Center_Z} (CellProfiler 4.0.6
   * writes no Z centre for tertiary objects such as Cytoplasm).
   *
   * @param labels the objects
   * @param withZ include {@code Location_Center_Z}
   * @return the columns
   */
  public static FeatureSet numbersAndCenters(LabelImage labels, boolean withZ) {
    int n = labels.count();
    int w = labels.width();
    double[] num = new double[n];
    double[] sx = new double[n];
    double[] sy = new double[n];
    double[] cnt = new double[n];
    int[] l = labels.labels();
    for (int i = 0; i < l.length; i++) {
      if (l[i] > 0) {
        int o = l[i] - 1;
        sx[o] += i % w;
        sy[o] += i / w;
        cnt[o]++;
      }
    }
    for (int o = 0; o < n; o++) {
      num[o] = o + 1;
      sx[o] = cnt[o] > 0 ? sx[o] / cnt[o] : Double.NaN;
      sy[o] = cnt[o] > 0 ? sy[o] / cnt[o] : Double.NaN;
    }
    FeatureSet.Builder b = FeatureSet.builder(n)
        .put("Number_Object_Number", num)
        .put("Location_Center_X", sx)
        .put("Location_Center_Y", sy);
    if (withZ) {
      b.put("Location_Center_Z", new double[n]);
    }
    return b.build();
  }

  /**
   * Parent numbers when children carry their parent's number (as secondary and tertiary objects
   * do): the parent of child {@code i} is {@code i} if parent {@code i} exists, else 0.
   *
   * @param childCount number of child objects
   * @param parentCount number of parent objects
   * @param parentName parent object name (for example "Nuclei")
   * @return {@code Parent_<parentName>}
   */
  public static FeatureSet parentsByNumber(int childCount, int parentCount, String parentName) {
    double[] p = new double[childCount];
    for (int i = 0; i < childCount; i++) {
      p[i] = i < parentCount ? i + 1 : 0;
    }
    return FeatureSet.builder(childCount).put("Parent_" + parentName, p).build();
  }

  /**
   * Children counts from the children's labels when children carry their parent's number: 1 for a
   * parent whose child has at least one pixel, else 0.
   *
   * @param parentCount number of parents
   * @param children the child objects
   * @param childName child object name
   * @return {@code Children_<childName>_Count}
   */
  public static FeatureSet childrenByNumber(int parentCount, LabelImage children, String childName) {
    double[] c = new double[parentCount];
    for (int l : children.labels()) {
      if (l > 0 && l <= parentCount) {
        c[l - 1] = 1;
      }
    }
    return FeatureSet.builder(parentCount).put("Children_" + childName + "_Count", c).build();
  }
}
