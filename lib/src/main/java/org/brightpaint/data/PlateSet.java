package org.brightpaint.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A folder of plate folders (real or synthetic), e.g. the workspace's {@code plates/}.
 *
 * @param root the folder
 * @param plates its plates, in barcode order
 */
public record PlateSet(Path root, List<PlateFolder> plates) {

  /** Copies. */
  public PlateSet {
    plates = List.copyOf(plates);
  }

  /**
   * Lists the plate folders (sub-folders with an Images folder) under a root.
   *
   * @param root the folder
   * @return the set
   * @throws IllegalArgumentException naming the folder when it is not one or holds no plate
   */
  public static PlateSet open(Path root) {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("Not a folder: " + root + "; give a plate folder (with Images/ inside) or a folder of plate folders");
    }
    if (Files.isDirectory(root.resolve("Images"))) {
      return new PlateSet(root, List.of(PlateFolder.open(root)));
    }
    List<PlateFolder> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(root)) {
      for (Path p : s.sorted().toList()) {
        if (Files.isDirectory(p.resolve("Images"))) {
          out.add(PlateFolder.open(p));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list plates in " + root, e);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("No plate folders (with Images/ inside) in " + root);
    }
    return new PlateSet(root, out);
  }

  /**
   * One plate.
   *
   * @param barcode its barcode
   * @return the plate folder
   * @throws IllegalArgumentException naming the barcode when the set lacks it
   */
  public PlateFolder plate(String barcode) {
    return plates.stream().filter(p -> p.barcode().equals(barcode)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No plate " + barcode + " in " + root + "; have "
            + plates.stream().map(PlateFolder::barcode).toList()));
  }

  /** @return the barcodes */
  public List<String> barcodes() {
    return plates.stream().map(PlateFolder::barcode).toList();
  }

  /**
   * The plates of a cell line and/or split (as recorded in plate.csv or the benchmark manifest).
   *
   * @param cellLine the line, or null for any
   * @param split the split, or null for any
   * @return the matching plates
   */
  public List<PlateFolder> select(CellLine cellLine, Split split) {
    return plates.stream()
        .filter(p -> cellLine == null || p.cellLine().orElse(null) == cellLine)
        .filter(p -> split == null || p.split().orElse(null) == split).toList();
  }
}
