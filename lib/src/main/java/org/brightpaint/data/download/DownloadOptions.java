package org.brightpaint.data.download;

import java.nio.file.Path;
import java.util.List;
import org.brightpaint.data.Channel;
import org.brightpaint.data.Well;

/**
 * What to download and where.
 *
 * @param dest the folder that receives one plate folder per plate ({@code <plate>__<timestamp>/})
 * @param plates plate barcodes (at least one)
 * @param wells wells to fetch; empty: all
 * @param sites fields (1-based) to fetch; empty: all
 * @param channels channels to fetch (images and illumination functions); empty: all
 * @param illum also fetch the plate's illumination functions ({@code illum/<plate>_Illum<Channel>.npy})
 * @param loadData also fetch the Gallery's load_data CSVs into {@code load_data_csv/}
 * @param threads parallel downloads (1..64)
 * @param dryRun list and plan only, write nothing
 */
public record DownloadOptions(Path dest, List<String> plates, List<Well> wells, List<Integer> sites,
    List<Channel> channels, boolean illum, boolean loadData, int threads, boolean dryRun) {

  /** Validates and copies. */
  public DownloadOptions {
    if (dest == null) {
      throw new IllegalArgumentException("A destination folder is required (--dest)");
    }
    if (plates == null || plates.isEmpty()) {
      throw new IllegalArgumentException("At least one plate is required (--plate)");
    }
    for (String p : plates) {
      if (p.isBlank() || p.contains("/") || p.contains("__")) {
        throw new IllegalArgumentException("Bad plate barcode '" + p + "' (expected e.g. BR00116991)");
      }
    }
    for (int s : sites) {
      if (s < 1 || s > 99) {
        throw new IllegalArgumentException("Site " + s + " out of range 1..99");
      }
    }
    if (threads < 1 || threads > 64) {
      throw new IllegalArgumentException("Threads " + threads + " out of range 1..64");
    }
    plates = List.copyOf(plates);
    wells = List.copyOf(wells);
    sites = List.copyOf(sites);
    channels = List.copyOf(channels);
  }

  /**
   * All wells, sites and channels of some plates, with illumination functions and load_data, on 8
   * threads.
   *
   * @param dest the destination folder
   * @param plates the barcodes
   * @return the options
   */
  public static DownloadOptions of(Path dest, List<String> plates) {
    return new DownloadOptions(dest, plates, List.of(), List.of(), List.of(), true, true, 8, false);
  }
}
