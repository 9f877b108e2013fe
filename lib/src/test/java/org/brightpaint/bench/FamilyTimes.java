package org.brightpaint.bench;

import java.util.EnumSet;
import java.util.Map;
import org.brightpaint.features.pipeline.MeasurementFamily;
import org.brightpaint.features.pipeline.ProfileSettings;
import org.brightpaint.features.pipeline.SiteImages;
import org.brightpaint.features.pipeline.SiteProfiler;

/** Prints the time of segmentation alone and of each measurement family on one synthetic site. */
public final class FamilyTimes {
  private FamilyTimes() {}

  /**
   * @param args optional site size
   */
  public static void main(String[] args) {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 1080;
    SiteImages site = SyntheticSite.make(size, 250, 1, 1);
    ProfileSettings base = ProfileSettings.cpjump1().withIllumination(ProfileSettings.IlluminationMode.NONE);
    SiteProfiler.profile(site, base.withFamilies(EnumSet.noneOf(MeasurementFamily.class)));
    long t0 = System.nanoTime();
    SiteProfiler.profile(site, base.withFamilies(EnumSet.noneOf(MeasurementFamily.class)));
    double seg = (System.nanoTime() - t0) / 1e9;
    System.out.printf("segmentation only: %.2f s%n", seg);
    for (MeasurementFamily f : MeasurementFamily.values()) {
      long t = System.nanoTime();
      SiteProfiler.profile(site, base.withFamilies(EnumSet.of(f)));
      System.out.printf("%-20s %.2f s%n", f, (System.nanoTime() - t) / 1e9 - seg);
    }
  }
}
