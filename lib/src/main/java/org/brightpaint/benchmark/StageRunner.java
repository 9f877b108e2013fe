package org.brightpaint.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Runs named stages so that a killed run continues where it stopped.
 *
 * <p>A stage writes into {@code <root>/<name>.partial/}; when its body returns, that folder is
 * renamed to {@code <root>/<name>/} and a marker {@code <root>/<name>/.done} (start, end and
 * seconds) is written. A stage whose marker exists is skipped; a leftover {@code .partial} folder
 * or an unmarked final folder from an interrupted run is deleted and the stage redone. So outputs
 * of a stage are either complete or absent.
 */
public final class StageRunner {
  /** The marker file name inside a finished stage folder. */
  public static final String DONE = ".done";

  /** The work of one stage. */
  @FunctionalInterface
  public interface Body {
    /**
     * @param dir the empty folder to write the stage's outputs into
     * @throws Exception on failure (the stage is then not marked done)
     */
    void run(Path dir) throws Exception;
  }

  private final Path root;
  private final PrintStream progress;

  private StageRunner(Path root, PrintStream progress) {
    this.root = root;
    this.progress = progress;
  }

  /**
   * @param root the run's output folder (created if needed)
   * @param progress where progress lines go (System.out in the CLI)
   * @return the runner
   */
  public static StageRunner of(Path root, PrintStream progress) {
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + root, e);
    }
    return new StageRunner(root, progress);
  }

  /**
   * @param name the stage name (a folder name)
   * @return true when the stage has finished in an earlier or this run
   */
  public boolean isDone(String name) {
    return Files.exists(root.resolve(name).resolve(DONE));
  }

  /**
   * @param name the stage name
   * @return the stage's final folder (exists only once done)
   */
  public Path dir(String name) {
    return root.resolve(name);
  }

  /**
   * Runs a stage unless it is done.
   *
   * @param name the stage name
   * @param body the work
   * @return the stage's final folder
   * @throws IllegalStateException wrapping the body's failure, naming the stage
   */
  public Path run(String name, Body body) {
    Path fin = root.resolve(name), partial = root.resolve(name + ".partial");
    if (isDone(name)) {
      progress.println("[" + name + "] done earlier, skipped");
      return fin;
    }
    try {
      deleteTree(partial);
      deleteTree(fin);
      Files.createDirectories(partial);
      Instant start = Instant.now();
      progress.println("[" + name + "] started");
      body.run(partial);
      org.brightpaint.data.io.AtomicFiles.move(partial, fin);
      Instant end = Instant.now();
      double secs = Duration.between(start, end).toMillis() / 1000.0;
      ReportFiles.writeString("start=" + start + "\nend=" + end + "\nseconds=" + secs + "\n", fin.resolve(DONE));
      progress.printf("[%s] finished in %.1f s%n", name, secs);
      return fin;
    } catch (IOException e) {
      throw new UncheckedIOException("Stage " + name + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("Stage " + name + " failed: " + e.getMessage(), e);
    }
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) return;
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(q);
      }
    }
  }
}
