package org.brightpaint.spark;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.brightpaint.data.io.Npy;
import org.brightpaint.image.FloatImage;

/**
 * The plate illumination functions an executor JVM holds for profiling tasks: the first task of a
 * plate reads its {@code <Plate>_Illum<Name>.npy} files from the shared folder, later tasks of
 * the plate reuse them, so each plate's functions are read once per executor, not once per
 * site. At most {@value #PLATES} plates are kept (least recently used first out): sites are
 * listed plate by plate, so an executor's consecutive tasks mostly share a plate.
 */
final class ExecutorIllumination {
  /** Plates kept per executor (about 23 MB each for five 1080 x 1080 float functions). */
  static final int PLATES = 4;

  private static final Map<String, Map<String, FloatImage>> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Map<String, FloatImage>> eldest) {
      return size() > PLATES;
    }
  };
  private static final AtomicInteger READS = new AtomicInteger();

  private ExecutorIllumination() {}

  /**
   * @param dir the folder of {@code <Plate>_Illum<Name>.npy} files
   * @param plate the plate (Metadata_Plate)
   * @param names the image names the pipeline needs
   * @return name to function, read on the plate's first use in this JVM
   */
  static Map<String, FloatImage> of(String dir, String plate, Collection<String> names) {
    String key = dir + "\u0000" + plate;
    synchronized (CACHE) {
      Map<String, FloatImage> f = CACHE.get(key);
      if (f == null) {
        f = new LinkedHashMap<>();
        for (String name : names) {
          f.put(name, Npy.readImage(file(Path.of(dir), plate, name)));
          READS.incrementAndGet();
        }
        CACHE.put(key, f);
      }
      return f;
    }
  }

  /**
   * @param dir the folder
   * @param plate the plate
   * @param name the image name
   * @return {@code dir/<plate>_Illum<name>.npy}, the Cell Painting Gallery's name
   */
  static Path file(Path dir, String plate, String name) {
    return dir.resolve(plate + "_Illum" + name + ".npy");
  }

  /** @return functions read in this JVM so far */
  static int reads() {
    return READS.get();
  }

  /** Forgets everything (tests start from a fresh executor). */
  static void clear() {
    synchronized (CACHE) {
      CACHE.clear();
    }
    READS.set(0);
  }
}
