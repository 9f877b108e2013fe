package org.brightpaint.data.io;

import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.brightpaint.image.FloatImage;

/**
 * Single-channel 16-bit unsigned TIFF, the format of Opera Phenix images in cpg0000.
 *
 * <p>Reading: uncompressed TIFFs (little- or big-endian, any strip layout) are decoded directly;
 * compressed ones (LZW, Deflate, PackBits, ...) go through ImageIO, where the TwelveMonkeys TIFF
 * plugin is on the classpath. Writing: uncompressed little-endian baseline TIFF with one strip and
 * no date tag, so that the same pixels always give the same bytes.
 *
 * <p>Pixel values are raw camera counts 0..65535 stored in a {@link FloatImage} (exact: every
 * 16-bit integer is a float).
 */
public final class Tiff16 {

  private Tiff16() {}

  /**
   * Reads a 16-bit grayscale TIFF.
   *
   * @param file the file
   * @return the counts, 0..65535
   * @throws IllegalArgumentException naming the file when it is not a single-channel 16-bit
   *     TIFF or is corrupt; UncheckedIOException naming the file when it cannot be read
   */
  public static FloatImage read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read TIFF " + file + ": " + e.getMessage(), e);
    }
    try {
      return decode(bytes, file);
    } catch (IndexOutOfBoundsException | java.nio.BufferUnderflowException e) {
      throw new IllegalArgumentException("Corrupt TIFF " + file + ": truncated or bad offsets", e);
    }
  }

  /**
   * Reads a TIFF and checks its size.
   *
   * @param file the file
   * @param width the expected width
   * @param height the expected height
   * @return the counts
   * @throws IllegalArgumentException naming the file and both sizes when they differ
   */
  public static FloatImage read(Path file, int width, int height) {
    FloatImage img = read(file);
    if (img.width() != width || img.height() != height) {
      throw new IllegalArgumentException("Wrong image size in " + file + ": " + img.width() + " x " + img.height()
          + ", expected " + width + " x " + height);
    }
    return img;
  }

  private static FloatImage decode(byte[] bytes, Path file) {
    if (bytes.length < 8) {
      throw new IllegalArgumentException("Corrupt TIFF " + file + ": only " + bytes.length + " bytes");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    if (bytes[0] == 'I' && bytes[1] == 'I') {
      b.order(ByteOrder.LITTLE_ENDIAN);
    } else if (bytes[0] == 'M' && bytes[1] == 'M') {
      b.order(ByteOrder.BIG_ENDIAN);
    } else {
      throw new IllegalArgumentException("Not a TIFF: " + file + " (bad byte-order mark)");
    }
    int magic = b.getShort(2) & 0xffff;
    if (magic == 43) {
      return viaImageIo(file); // BigTIFF
    }
    if (magic != 42) {
      throw new IllegalArgumentException("Not a TIFF: " + file + " (magic " + magic + ")");
    }
    int ifd = b.getInt(4);
    int n = b.getShort(ifd) & 0xffff;
    int width = -1;
    int height = -1;
    int bits = 1;
    int compression = 1;
    int spp = 1;
    int sampleFormat = 1;
    int rowsPerStrip = Integer.MAX_VALUE;
    long[] offsets = null;
    long[] counts = null;
    boolean tiled = false;
    for (int i = 0; i < n; i++) {
      int e = ifd + 2 + 12 * i;
      int tag = b.getShort(e) & 0xffff;
      int type = b.getShort(e + 2) & 0xffff;
      int count = b.getInt(e + 4);
      switch (tag) {
        case 256 -> width = (int) value(b, e, type, 0);
        case 257 -> height = (int) value(b, e, type, 0);
        case 258 -> bits = (int) value(b, e, type, 0);
        case 259 -> compression = (int) value(b, e, type, 0);
        case 277 -> spp = (int) value(b, e, type, 0);
        case 278 -> rowsPerStrip = (int) Math.min(Integer.MAX_VALUE, value(b, e, type, 0));
        case 273 -> offsets = values(b, e, type, count);
        case 279 -> counts = values(b, e, type, count);
        case 322, 323, 324, 325 -> tiled = true;
        case 339 -> sampleFormat = (int) value(b, e, type, 0);
        default -> { }
      }
    }
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("Corrupt TIFF " + file + ": missing image size");
    }
    if (spp != 1) {
      throw new IllegalArgumentException("Unsupported TIFF " + file + ": " + spp + " samples per pixel, expected 1 (grayscale)");
    }
    if (bits != 16) {
      throw new IllegalArgumentException("Unsupported TIFF " + file + ": " + bits + "-bit, expected 16-bit");
    }
    if (sampleFormat != 1) {
      throw new IllegalArgumentException("Unsupported TIFF " + file + ": sample format " + sampleFormat + ", expected unsigned integer");
    }
    if (compression != 1 || tiled) {
      return viaImageIo(file);
    }
    if (offsets == null || counts == null || offsets.length != counts.length) {
      throw new IllegalArgumentException("Corrupt TIFF " + file + ": missing strip offsets or byte counts");
    }
    float[] px = new float[width * height];
    int need = width * height * 2;
    int p = 0;
    for (int s = 0; s < offsets.length && p < width * height; s++) {
      long off = offsets[s];
      long len = counts[s];
      if (off < 0 || len < 0 || off + len > bytes.length) {
        throw new IllegalArgumentException("Corrupt TIFF " + file + ": strip " + s + " lies outside the file ("
            + bytes.length + " bytes)");
      }
      int values = (int) Math.min(len / 2, width * height - p);
      ByteBuffer sb = ByteBuffer.wrap(bytes, (int) off, values * 2).order(b.order());
      for (int k = 0; k < values; k++) {
        px[p++] = sb.getShort() & 0xffff;
      }
    }
    if (p != width * height) {
      throw new IllegalArgumentException("Corrupt TIFF " + file + ": " + (p * 2) + " pixel bytes, expected " + need);
    }
    return new FloatImage(width, height, px);
  }

  private static long value(ByteBuffer b, int entry, int type, int index) {
    return switch (type) {
      case 3 -> b.getShort(entry + 8 + 2 * index) & 0xffff;
      case 4 -> b.getInt(entry + 8 + 4 * index) & 0xffffffffL;
      case 1 -> b.get(entry + 8 + index) & 0xff;
      default -> throw new IllegalArgumentException("unsupported TIFF tag type " + type);
    };
  }

  private static long[] values(ByteBuffer b, int entry, int type, int count) {
    int size = type == 3 ? 2 : 4;
    long[] out = new long[count];
    int base = count * size <= 4 ? entry + 8 : b.getInt(entry + 8);
    for (int i = 0; i < count; i++) {
      out[i] = size == 2 ? b.getShort(base + 2 * i) & 0xffff : b.getInt(base + 4 * i) & 0xffffffffL;
    }
    return out;
  }

  private static FloatImage viaImageIo(Path file) {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new IllegalArgumentException("No TIFF reader for " + file + " (is TwelveMonkeys imageio-tiff on the classpath?)");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in);
        Raster r = reader.readRaster(0, null);
        if (r.getNumBands() != 1 || r.getDataBuffer().getDataType() != DataBuffer.TYPE_USHORT) {
          throw new IllegalArgumentException("Unsupported TIFF " + file + ": expected one 16-bit unsigned band, got "
              + r.getNumBands() + " band(s) of data type " + r.getDataBuffer().getDataType());
        }
        int w = r.getWidth();
        int h = r.getHeight();
        int[] tmp = r.getSamples(0, 0, w, h, 0, (int[]) null);
        float[] px = new float[w * h];
        for (int i = 0; i < px.length; i++) {
          px[i] = tmp[i];
        }
        return new FloatImage(w, h, px);
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("Corrupt TIFF " + file + ": " + e.getMessage(), e);
    }
  }

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
