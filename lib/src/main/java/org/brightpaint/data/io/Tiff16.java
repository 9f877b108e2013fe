package org.brightpaint.data.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.brightpaint.image.FloatImage;

/**
 * Writes single-channel 16-bit unsigned TIFFs, the format of Opera Phenix images in cpg0000:
 * uncompressed little-endian baseline TIFF with one strip and no date tag, so that the same
 * pixels always give the same bytes. Reading any image is {@link ImageReader}'s job.
 */
public final class Tiff16 {

  private Tiff16() {}

  /**
   * Encodes counts as an uncompressed little-endian 16-bit TIFF.
   *
   * @param width columns
   * @param height rows
   * @param counts {@code width * height} values, read as unsigned 16-bit
   * @return the file's bytes
   */
  public static byte[] encode(int width, int height, short[] counts) {
    if (counts.length != width * height) {
      throw new IllegalArgumentException("Need " + (width * height) + " counts, got " + counts.length);
    }
    final int nTags = 10;
    int ifdOffset = 8;
    int ifdSize = 2 + 12 * nTags + 4;
    int dataOffset = ifdOffset + ifdSize;
    int dataBytes = width * height * 2;
    ByteBuffer b = ByteBuffer.allocate(dataOffset + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifdOffset);
    b.putShort((short) nTags);
    tag(b, 256, 4, 1, width);
    tag(b, 257, 4, 1, height);
    tag(b, 258, 3, 1, 16);
    tag(b, 259, 3, 1, 1);
    tag(b, 262, 3, 1, 1);
    tag(b, 273, 4, 1, dataOffset);
    tag(b, 277, 3, 1, 1);
    tag(b, 278, 4, 1, height);
    tag(b, 279, 4, 1, dataBytes);
    tag(b, 339, 3, 1, 1);
    b.putInt(0);
    for (short c : counts) {
      b.putShort(c);
    }
    return b.array();
  }

  private static void tag(ByteBuffer b, int tag, int type, int count, int value) {
    b.putShort((short) tag).putShort((short) type).putInt(count);
    if (type == 3) {
      b.putShort((short) value).putShort((short) 0);
    } else {
      b.putInt(value);
    }
  }

  /**
   * Writes counts atomically as an uncompressed 16-bit TIFF.
   *
   * @param file the target
   * @param width columns
   * @param height rows
   * @param counts unsigned 16-bit values
   */
  public static void write(Path file, int width, int height, short[] counts) {
    AtomicFiles.write(file, encode(width, height, counts));
  }

  /**
   * Writes an image of counts, rounding to the nearest integer.
   *
   * @param file the target
   * @param image values in [0, 65535]
   * @throws IllegalArgumentException naming the file when a value is NaN or outside [0, 65535]
   */
  public static void write(Path file, FloatImage image) {
    float[] p = image.pixels();
    short[] c = new short[p.length];
    for (int i = 0; i < p.length; i++) {
      float v = p[i];
      if (!(v >= -0.5f && v < 65535.5f)) {
        throw new IllegalArgumentException("Cannot write " + file + ": pixel " + i + " = " + v + " is not a 16-bit count");
      }
      c[i] = (short) Math.round(v);
    }
    write(file, image.width(), image.height(), c);
  }
}
