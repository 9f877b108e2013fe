package org.brightpaint.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.brightpaint.features.FeatureSet;
import org.brightpaint.features.pipeline.Compartment;
import org.brightpaint.features.pipeline.ProfileSettings;
import org.brightpaint.features.pipeline.SiteProfile;
import org.brightpaint.features.pipeline.SiteProfiler;

/**
 * Writes every value of a profiled synthetic site (full {@code cpjump1} set) as the hexadecimal
 * bits of each double, one line per column, so that two builds can be compared byte for byte
 * ({@code cmp a.txt b.txt}): optimisations of the measurement code must not change any bit.
 *
 * <p>Run: {@code java -cp lib/target/classes:lib/target/test-classes:$(cat lib/target/cp.txt)
 * org.brightpaint.bench.ColumnDump OUT.txt [size=1080] [cells=240] [seed=1]}.
 */
public final class ColumnDump {
  private ColumnDump() {}

  /**
   * @param args output file, optional size, cells, seed
   * @throws Exception on a write error
   */
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    int size = args.length > 1 ? Integer.parseInt(args[1]) : 1080;
    int cells = args.length > 2 ? Integer.parseInt(args[2]) : 240;
    int seed = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    ProfileSettings all = ProfileSettings.cpjump1().withIllumination(ProfileSettings.IlluminationMode.NONE);
    SiteProfile p = SiteProfiler.profile(SyntheticSite.make(size, cells, seed, seed), all);
    int columns = 0;
    try (PrintStream o = new PrintStream(Files.newOutputStream(out), false, "UTF-8")) {
      for (Map.Entry<String, Double> e : p.imageMeasurements().entrySet()) {
        o.println("Image_" + e.getKey() + " " + Long.toHexString(Double.doubleToRawLongBits(e.getValue())));
        columns++;
      }
      for (Compartment c : Compartment.values()) {
        FeatureSet f = p.features().get(c);
        if (f == null) {
          continue;
        }
        for (String name : f.names()) {
          StringBuilder sb = new StringBuilder(c.name()).append('_').append(name);
          for (double v : f.get(name)) {
            sb.append(' ').append(Long.toHexString(Double.doubleToRawLongBits(v)));
          }
          o.println(sb);
          columns++;
        }
      }
    }
    System.out.println(columns + " columns, " + p.count(Compartment.NUCLEI) + " nuclei -> " + out);
  }
}
