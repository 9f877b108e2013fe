package org.brightpaint.models;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Writes a folder all-or-nothing: the content goes to a temporary sibling
 * ({@code .name.tmp-<nanos>}), then replaces the target by renames. If writing fails (disk full,
 * exception) the temporary folder is deleted and the previous target survives untouched.
 */
public final class AtomicFolder {

  /** Writes files into a folder. */
  @FunctionalInterface
  public interface Writer {
    /**
     * @param dir an empty folder to fill
     * @throws IOException when writing fails
     */
    void write(Path dir) throws IOException;
  }

  private AtomicFolder() {}

  /**
   * Fills a temporary folder with {@code writer}, then swaps it in as {@code target}.
   *
   * @param target the folder to create or replace
   * @param writer fills the folder
   * @throws IOException when writing or renaming fails; {@code target} then holds its old content
   */
  public static void write(Path target, Writer writer) throws IOException {
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
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
        Files.delete(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }
}
