package org.brightpaint.data;

/**
 * One CPJUMP1 plate of the benchmark.
 *
 * @param barcode the assay plate barcode, e.g. "BR00116991"
 * @param cellLine the cell line
 * @param split its role in the benchmark
 * @param imageCount the number of images in the Cell Painting Gallery (seed paper, Table 1)
 * @param s3Prefix the S3 key prefix of its image folder ({@code .../images/<barcode>__}; the
 *     folder name continues with an acquisition timestamp)
 */
public record Plate(String barcode, CellLine cellLine, Split split, int imageCount, String s3Prefix) {

  /** Validates. */
  public Plate {
    if (barcode == null || barcode.isBlank()) {
      throw new IllegalArgumentException("Plate barcode must not be blank");
    }
    if (cellLine == null || split == null) {
      throw new IllegalArgumentException("Plate " + barcode + ": cell line and split are required");
    }
    if (imageCount < 0) {
      throw new IllegalArgumentException("Plate " + barcode + ": negative image count " + imageCount);
    }
  }
}
