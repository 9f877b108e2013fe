package org.brightpaint.bench;

import java.util.EnumSet;
import org.brightpaint.features.measure.AreaShape;
import org.brightpaint.features.pipeline.Compartment;
import org.brightpaint.features.pipeline.MeasurementFamily;
import org.brightpaint.features.pipeline.ProfileSettings;
import org.brightpaint.features.pipeline.SiteProfile;
import org.brightpaint.features.pipeline.SiteProfiler;

/** Times AreaShape alone per compartment. */
public final class AreaShapeTime {
  private AreaShapeTime() {}

  /** @param args none */
  public static void main(String[] args) {
    ProfileSettings base = ProfileSettings.cpjump1().withIllumination(ProfileSettings.IlluminationMode.NONE)
        .withFamilies(EnumSet.noneOf(MeasurementFamily.class));
    SiteProfile p = SiteProfiler.profile(SyntheticSite.make(1080, 250, 1, 1), base);
    for (int rep = 0; rep < 3; rep++) {
      for (Compartment c : Compartment.values()) {
        long t = System.nanoTime();
        AreaShape.measure(p.labels().get(c));
        System.out.printf("%s %.2f s%n", c, (System.nanoTime() - t) / 1e9);
      }
      long t = System.nanoTime();
      SiteProfiler.profile(SyntheticSite.make(1080, 250, 1, 1), base);
      System.out.printf("gen+seg %.2f s%n", (System.nanoTime() - t) / 1e9);
    }
  }
}
