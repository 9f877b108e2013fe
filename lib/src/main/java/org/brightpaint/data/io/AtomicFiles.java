package org.brightpaint.data.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The one way the toolkit writes output atomically: a file goes to a temporary name in its folder
 * and is renamed over the target when complete ({@link #write(Path, Writer)}); a folder is filled
 * under a temporary sibling name and swapped in when complete ({@link #writeFolder(Path,
 * FolderWriter)}). After a failure the temporary is removed and the previous target is untouched,
 * so no command leaves partial output.
 */
public final class AtomicFiles {

  private AtomicFiles() {}

  /** Something that writes a file's content to a stream. */
  @FunctionalInterface
  public interface Writer {
    /**
     * @param out the stream to write to
     * @throws IOException on failure
     */
    void write(OutputStream out) throws IOException;
  }

  /**
   * Writes {@code target} atomically: content goes to {@code .<name>.tmp-<random>} and is moved
   * over {@code target} only when the writer returned normally.
   *
   * @param target the file to create or replace (its folder is created if needed)
   * @param writer writes the content
   * @throws UncheckedIOException naming the file on failure (the temporary file is removed)
   */
  public static void write(Path target, Writer writer) {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      // a fresh name (not createTempFile, whose 0600 permissions would hide the output from the group)
      tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".tmp");
      try (OutputStream out = new java.io.BufferedOutputStream(
          Files.newOutputStream(tmp, java.nio.file.StandardOpenOption.CREATE_NEW), 1 << 16)) {
        writer.write(out);
      }
      move(tmp, target);
    } catch (IOException e) {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort
        }
      }
      throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes bytes atomically.
   *
   * @param target the file
   * @param bytes its content
   */
  public static void write(Path target, byte[] bytes) {
    write(target, out -> out.write(bytes));
  }

  /**
   * Writes UTF-8 text atomically.
   *
   * @param target the file
   * @param text its content
   */
  public static void writeString(Path target, String text) {
    write(target, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Fills a folder. */
  @FunctionalInterface
  public interface FolderWriter {
    /**
     * @param dir an empty folder to fill
     * @throws IOException when writing fails
     */
    void write(Path dir) throws IOException;
  }

  /**
   * Writes a folder all-or-nothing: {@code writer} fills a temporary sibling
   * ({@code .<name>.tmp-<nanos>}), which then replaces {@code target} by renames. If the writer
   * fails (exception, disk full) the temporary folder is deleted, the previous target survives
   * untouched, and the exception propagates.
   *
   * @param target the folder to create or replace
   * @param writer fills the folder
   * @throws IOException when writing or renaming fails; {@code target} then holds its old content
   */
  public static void writeFolder(Path target, FolderWriter writer) throws IOException {
    Path abs = target.toAbsolutePath().normalize();
    Path parent = abs.getParent();
    Files.createDirectories(parent);
    String name = abs.getFileName().toString();
    Path tmp = parent.resolve("." + name + ".tmp-" + System.nanoTime());
    Path old = parent.resolve("." + name + ".old-" + System.nanoTime());
    Files.createDirectory(tmp);
    try {
      writer.write(tmp);
    } catch (IOException | RuntimeException | Error e) {
      deleteTree(tmp);
      throw e;
    }
    boolean hadOld = Files.exists(abs);
    if (hadOld) {
      move(abs, old);
    }
    try {
      move(tmp, abs);
    } catch (IOException e) {
      if (hadOld) {
        move(old, abs);
      }
      deleteTree(tmp);
      throw e;
    }
    if (hadOld) {
      deleteTree(old);
    }
  }

  /**
   * Deletes a folder and everything under it; a missing folder is fine.
   *
   * @param dir the folder
   * @throws IOException when a file cannot be deleted
   */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    Files.walkFileTree(dir, new java.nio.file.SimpleFileVisitor<>() {
      @Override
      public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attrs)
          throws IOException {
        Files.delete(file);
        return java.nio.file.FileVisitResult.CONTINUE;
      }

      @Override
      public java.nio.file.FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
        Files.delete(d);
        return java.nio.file.FileVisitResult.CONTINUE;
      }
    });
  }

  /**
   * Renames a file or folder, atomically where the file system can; replaces a file target.
   *
   * @param from the source
   * @param to the target
   * @throws IOException on failure
   */
  public static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
