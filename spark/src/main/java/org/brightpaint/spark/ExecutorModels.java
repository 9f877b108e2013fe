package org.brightpaint.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.brightpaint.data.PlateFolder;
import org.brightpaint.data.io.CachedIllumination;
import org.brightpaint.models.DeviceChoice;
import org.brightpaint.models.Generator;
import org.brightpaint.models.Generators;
import org.brightpaint.training.CheckpointFiles;

/**
 * What an executor JVM keeps between tasks: ONE generator per checkpoint, loaded lazily by the
 * first task that needs it and shared by every later task (and every core) of the executor, and
 * one {@link CachedIllumination} view per plate folder, so each plate's illumination functions
 * are read once per executor, not once per site. Nothing here is shipped: tasks carry paths only.
 *
 * <p>A generator is not documented as safe for concurrent inference, so the tasks of one
 * executor take turns on it, one site at a time ({@link #withGenerator}); the engine's intra-op
 * threads use the executor's cores during a turn. Executors run in parallel, each with its own
 * generator.
 */
final class ExecutorModels {
  private static final Map<String, Generator> GENERATORS = new ConcurrentHashMap<>();
  private static final Map<String, CachedIllumination> PLATES = new ConcurrentHashMap<>();
  private static final AtomicInteger LOADS = new AtomicInteger();

  private ExecutorModels() {}

  /**
   * @param checkpoint the checkpoint folder (as {@code predict --checkpoint} accepts)
   * @return this JVM's generator of that checkpoint, loaded on first use (on the CPU)
   */
  static Generator generator(String checkpoint) {
    return GENERATORS.computeIfAbsent(checkpoint, c -> {
      try {
        LOADS.incrementAndGet();
        return Generators.load(CheckpointFiles.generatorDir(Path.of(c)), DeviceChoice.AUTO.device());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot load the generator of " + c + ": " + e.getMessage(), e);
      }
    });
  }

  /**
   * Runs a prediction with the executor's generator, one task at a time.
   *
   * @param generator the generator of {@link #generator}
   * @param work the prediction
   * @param <T> its result
   * @return the result
   * @throws IOException when the work fails to write
   */
  static <T> T withGenerator(Generator generator, IoSupplier<T> work) throws IOException {
    synchronized (generator) {
      return work.get();
    }
  }

  /** A supplier that may fail with an I/O error. */
  @FunctionalInterface
  interface IoSupplier<T> {
    /** @return the value; @throws IOException on failure */
    T get() throws IOException;
  }

  /**
   * @param plateDir a plate folder
   * @return this JVM's view of the plate whose illumination functions are read once
   */
  static CachedIllumination plate(String plateDir) {
    return PLATES.computeIfAbsent(plateDir, d -> CachedIllumination.of(PlateFolder.open(Path.of(d))));
  }

  /** @return generators loaded in this JVM so far */
  static int generatorLoads() {
    return LOADS.get();
  }

  /** @return illumination functions read in this JVM so far, all plates together */
  static int illuminationReads() {
    return PLATES.values().stream().mapToInt(CachedIllumination::reads).sum();
  }

  /** Forgets everything (tests start from a fresh executor). */
  static void clear() {
    GENERATORS.values().forEach(Generator::close);
    GENERATORS.clear();
    PLATES.clear();
    LOADS.set(0);
  }
}
