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
   * The plates of a CellProfiler LoadData CSV: one plate per {@code Metadata_Plate} value, each
   * channel's files as its {@code FileName_<Name>}/{@code PathName_<Name>} columns say (any names,
   * any folders, TIFF or PNG), see {@link LoadData#read}.
   *
   * @param csv the LoadData CSV
   * @param channels the channels needed (checked: each has a column and every file exists); empty to check none
   * @return the set, rooted at the CSV's folder
   * @throws IllegalArgumentException naming the CSV and the missing column or file
   */
  public static PlateSet fromLoadData(Path csv, List<Channel> channels) {
    LoadData all = LoadData.read(csv);
    all.requireFiles(channels, csv);
    Path base = csv.toAbsolutePath().normalize().getParent();
    java.util.Map<String, List<LoadData.Row>> byPlate = new java.util.TreeMap<>();
    for (LoadData.Row r : all.rows()) {
      byPlate.computeIfAbsent(r.site().plate(), k -> new ArrayList<>()).add(r);
    }
    List<PlateFolder> out = new ArrayList<>();
    byPlate.forEach((barcode, rows) -> out.add(new PlateFolder(base, barcode, ChannelMap.cpjump1(), new LoadData(rows))));
    return new PlateSet(base, out);
  }

  /**
   * The same plates with another Phenix channel numbering.
   *
   * @param map which channel each {@code ch<N>} holds
   * @return the set
   */
  public PlateSet withChannelMap(ChannelMap map) {
    return new PlateSet(root, plates.stream().map(p -> p.withChannelMap(map)).toList());
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
