package org.brightpaint.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where brightpaint keeps what it generates and caches (synthetic plates, preprocessed tensors,
 * checkpoints, reports), so that notebooks never hold a path.
 *
 * <p>Resolved in one place: the system property {@code brightpaint.workspace}, else the
 * environment variable {@code BRIGHTPAINT_WORKSPACE}, else {@code ~/.cache/brightpaint}. Each run
 * size gets its own sub-folder so that a "ci" run never reuses a "full" cache.
 *
 * @param root the folder everything lives under
 */
public record Workspace(Path root) {

  /** The system property that selects the workspace. */
  public static final String PROPERTY = "brightpaint.workspace";
  /** The environment variable that selects the workspace when the property is absent. */
  public static final String ENV = "BRIGHTPAINT_WORKSPACE";

  /** Validates the root. */
  public Workspace {
    if (root == null) {
      throw new IllegalArgumentException("Workspace root must not be null");
    }
    root = root.toAbsolutePath().normalize();
  }

  /** @return the workspace in force for this JVM */
  public static Workspace current() {
    String value = System.getProperty(PROPERTY);
    if (value == null || value.isBlank()) {
      value = System.getenv(ENV);
    }
    if (value == null || value.isBlank()) {
      return new Workspace(Path.of(System.getProperty("user.home"), ".cache", "brightpaint"));
    }
    return new Workspace(Path.of(value));
  }

  /**
   * A named folder for the current run size, created if needed, e.g. {@code <root>/ci/plates}.
   *
   * @param name the folder's name ("plates", "cache", "checkpoints", "reports", ...)
   * @return the folder, which exists on return
   */
  public Path dir(String name) {
    return dir(RunSize.current(), name);
  }

  /**
   * A named folder for the given run size, created if needed.
   *
   * @param size the run size
   * @param name the folder's name
   * @return the folder, which exists on return
   */
  public Path dir(RunSize size, String name) {
    Path p = root.resolve(size.label()).resolve(name);
    try {
      Files.createDirectories(p);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create workspace folder " + p, e);
    }
    return p;
  }
}
