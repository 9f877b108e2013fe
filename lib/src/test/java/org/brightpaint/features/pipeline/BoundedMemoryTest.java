package org.brightpaint.features.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.brightpaint.data.io.Tiff16;
import org.brightpaint.image.FloatImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Profiling streams: a plate whose images alone would need {@link #SITES} x 3 x 640 x 640 x 4 B =
 * 118 MB if held in memory is profiled by a forked JVM capped at {@code -Xmx48m}. The bound of
 * {@link PlateProfiler}: {@code threads + 1} sites in flight (their images and working arrays),
 * the tables of the wells not yet complete, and one row per finished well.
 */
class BoundedMemoryTest {

  static final int SITES = 24;
  static final int SIZE = 640;
  static final int OBJECTS_PER_SITE = 9;

  /** Forked main: profiles {@link #SITES} sites of the three TIFFs in args[0] into args[1]. */
  public static void main(String[] args) throws IOException {
    Path in = Path.of(args[0]);
    List<SiteSource> sites = new ArrayList<>();
    for (int i = 0; i < SITES; i++) {
      Map<String, Path> files = Map.of("DNA", in.resolve("dna.tiff"), "PH3", in.resolve("ph3.tiff"), "cellbody", in.resolve("body.tiff"));
      String well = String.format("A%02d", i / 3 + 1);
      sites.add(new SiteSource(i + 1, Map.of("Plate", "P1", "Well", well, "Site", Integer.toString(i % 3 + 1)), files));
    }
    // segmentation and AreaShape only: the streaming is under test, not the families (kept fast)
    ProfileSettings settings = ProfileSettings.exampleHuman().withFamilies(java.util.EnumSet.of(MeasurementFamily.AREA_SHAPE));
    PlateProfiler.Result r = PlateProfiler.run(sites, settings,
        new PlateProfiler.Options(Path.of(args[1]), false, false, 1, null));
    System.out.println("objects " + r.objects() + " max heap " + Runtime.getRuntime().maxMemory());
  }

  @Test
  void aPlateLargerThanTheHeapIsProfiledUnderMx48m(@TempDir Path dir) throws Exception {
    float[] dna = new float[SIZE * SIZE];
    float[] body = new float[SIZE * SIZE];
    for (int k = 0; k < OBJECTS_PER_SITE; k++) {
      int cx = 106 + (k % 3) * 214;
      int cy = 106 + (k / 3) * 214;
      for (int y = 0; y < SIZE; y++) {
        for (int x = 0; x < SIZE; x++) {
          double d = Math.hypot(x - cx, y - cy);
          if (d <= 20) {
            dna[y * SIZE + x] = 0.6f + 0.001f * (x % 7);
          }
          if (d <= 45) {
            body[y * SIZE + x] = 0.3f + 0.001f * (y % 5);
          }
        }
      }
    }
    Tiff16.write(dir.resolve("dna.tiff"), new FloatImage(SIZE, SIZE, dna));
    Tiff16.write(dir.resolve("body.tiff"), new FloatImage(SIZE, SIZE, body));
    Tiff16.write(dir.resolve("ph3.tiff"), FloatImage.zeros(SIZE, SIZE));
    long heldBytes = (long) SITES * 3 * SIZE * SIZE * Float.BYTES;
    long cap = 48L << 20;
    assertTrue(heldBytes > 2 * cap, "the plate must not fit the cap if held: " + heldBytes);
    Path out = dir.resolve("out");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx48m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        BoundedMemoryTest.class.getName(), dir.toString(), out.toString()).redirectErrorStream(true);
    Process p = pb.start();
    String log = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "timed out");
    assertEquals(0, p.exitValue(), log);
    assertTrue(log.contains("objects " + SITES * OBJECTS_PER_SITE), log);
    assertEquals(SITES * OBJECTS_PER_SITE + 1, Files.readAllLines(out.resolve("Nuclei.csv")).size());
    assertEquals(SITES / 3 + 1, Files.readAllLines(out.resolve("Wells.csv")).size());
  }
}
