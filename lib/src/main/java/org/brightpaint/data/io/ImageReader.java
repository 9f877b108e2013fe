package org.brightpaint.data.io;

import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import org.brightpaint.image.FloatImage;

/**
 * The one image reader of the toolkit: single-channel TIFF (8/16-bit unsigned, 32-bit float;
 * {@code .tif} or {@code .tiff}; any compression TwelveMonkeys ImageIO reads) and PNG (8/16-bit
 * grayscale). Every command and notebook reads images through here.
 *
 * <p>Uncompressed strip TIFFs, the format of Phenix images and of our predictions, are decoded
 * directly; anything else goes through ImageIO. What the file cannot mean unambiguously is a
 * {@link UserError} naming the file: more than one sample per pixel (RGB, palette), more than one
 * page, other bit depths or sample formats, NaN or infinite pixels (the first one's x, y named),
 * truncated or corrupt files, a wrong size when one is expected.
 *
 * <p>Scaling to intensities is {@link RawImage#scaled()}, from the file's own sample format, never
 * from a preset.
 */
public final class ImageReader {

  private ImageReader() {}

  /**
   * Reads an image file.
   *
   * @param file a TIFF or PNG file
   * @return the stored pixels and their format
   * @throws UserError naming the file when it is missing, unreadable, corrupt or not one channel
   *     of a supported format
   */
  public static RawImage read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new UserError("Image file not found: " + file, e);
    } catch (IOException e) {
      throw new UserError("Cannot read image " + file + ": " + e, e);
    }
    return read(bytes, file.toString());
  }

  /**
   * Reads an image file and checks its size.
   *
   * @param file the file
   * @param width expected columns
   * @param height expected rows
   * @return the image
   * @throws UserError naming the file and both sizes when they differ
   */
  public static RawImage read(Path file, int width, int height) {
    RawImage img = read(file);
    if (img.width() != width || img.height() != height) {
      throw new UserError("Wrong image size in " + file + ": " + img.width() + " x " + img.height()
          + ", expected " + width + " x " + height + " like the other images of the plate");
    }
    return img;
  }

  /**
   * Reads an image from a stream (e.g. a classpath resource).
   *
   * @param in the stream (read to its end, not closed)
   * @param name the name used in messages
   * @return the image
   * @throws UserError naming {@code name} when the data is not a supported image
   */
  public static RawImage read(InputStream in, String name) {
    try {
      return read(in.readAllBytes(), name);
    } catch (IOException e) {
      throw new UserError("Cannot read image " + name + ": " + e, e);
    }
  }

  /**
   * Decodes an image held in memory.
   *
   * @param bytes the file's bytes
   * @param name the name used in messages
   * @return the image
   */
  public static RawImage read(byte[] bytes, String name) {
    try {
      RawImage img;
      if (bytes.length >= 4 && ((bytes[0] == 'I' && bytes[1] == 'I') || (bytes[0] == 'M' && bytes[1] == 'M'))) {
        img = tiff(bytes, name);
      } else if (bytes.length >= 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
        img = viaImageIo(bytes, name, "PNG");
      } else {
        throw new UserError("Not a TIFF or PNG image: " + name
            + (bytes.length == 0 ? " (empty file)" : " (unknown file signature)"));
      }
      return checkFinite(img);
    } catch (IndexOutOfBoundsException | java.nio.BufferUnderflowException e) {
      throw new UserError("Corrupt image " + name + ": truncated or bad offsets (" + bytes.length
          + " bytes); copy the file again", e);
    }
  }

  private static RawImage checkFinite(RawImage img) {
    if (img.format() != SampleFormat.FLOAT32) {
      return img;
    }
    float[] p = img.pixels().pixels();
    for (int i = 0; i < p.length; i++) {
      if (!Float.isFinite(p[i])) {
        throw new UserError("Image " + img.source() + " has " + p[i] + " at pixel x=" + (i % img.width()) + ", y="
            + (i / img.width()) + "; replace NaN and infinite pixels before using the image");
      }
    }
    return img;
  }

  private static RawImage tiff(byte[] bytes, String name) {
    if (bytes.length < 8) {
      throw new UserError("Corrupt TIFF " + name + ": only " + bytes.length + " bytes");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes).order(bytes[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    int magic = b.getShort(2) & 0xffff;
    if (magic == 43) {
      return viaImageIo(bytes, name, "TIFF"); // BigTIFF
    }
    if (magic != 42) {
      throw new UserError("Not a TIFF: " + name + " (magic " + magic + ")");
    }
    int ifd = b.getInt(4);
    int n = b.getShort(ifd) & 0xffff;
    int width = -1;
    int height = -1;
    int bits = 1;
    int compression = 1;
    int photometric = 1;
    int spp = 1;
    int sampleFormat = 1;
    long[] offsets = null;
    long[] counts = null;
    boolean tiled = false;
    for (int i = 0; i < n; i++) {
      int e = ifd + 2 + 12 * i;
      int tag = b.getShort(e) & 0xffff;
      int type = b.getShort(e + 2) & 0xffff;
      int count = b.getInt(e + 4);
      switch (tag) {
        case 256 -> width = (int) value(b, e, type);
        case 257 -> height = (int) value(b, e, type);
        case 258 -> bits = (int) value(b, e, type);
        case 259 -> compression = (int) value(b, e, type);
        case 262 -> photometric = (int) value(b, e, type);
        case 277 -> spp = (int) value(b, e, type);
        case 273 -> offsets = values(b, e, type, count);
        case 279 -> counts = values(b, e, type, count);
        case 322, 323, 324, 325 -> tiled = true;
        case 339 -> sampleFormat = (int) value(b, e, type);
        default -> { }
      }
    }
    int next = b.getInt(ifd + 2 + 12 * n);
    if (width <= 0 || height <= 0) {
      throw new UserError("Corrupt TIFF " + name + ": no image size");
    }
    if (spp != 1 || photometric > 1) {
      throw new UserError("Unsupported TIFF " + name + ": " + spp + " samples per pixel"
          + (photometric == 2 ? " (RGB)" : photometric == 3 ? " (palette colour)" : "")
          + "; save one grayscale channel per file");
    }
    if (next != 0) {
      throw new UserError("Unsupported TIFF " + name + ": more than one page (a stack); save one plane per file");
    }
    SampleFormat format = format(bits, sampleFormat, name);
    if (compression != 1 || tiled) {
      return viaImageIo(bytes, name, "TIFF");
    }
    if (offsets == null || counts == null || offsets.length != counts.length) {
      throw new UserError("Corrupt TIFF " + name + ": no strip offsets or byte counts");
    }
    int bytesPer = bits / 8;
    int total = width * height;
    float[] px = new float[total];
    int p = 0;
    for (int s = 0; s < offsets.length && p < total; s++) {
      long off = offsets[s];
      long len = counts[s];
      if (off < 0 || len < 0 || off + len > bytes.length) {
        throw new UserError("Corrupt TIFF " + name + ": truncated (strip " + s + " ends at byte " + (off + len)
            + " of a " + bytes.length + "-byte file); copy the file again");
      }
      int values = (int) Math.min(len / bytesPer, total - p);
      ByteBuffer sb = ByteBuffer.wrap(bytes, (int) off, values * bytesPer).order(b.order());
      switch (format) {
        case UINT8 -> {
          for (int k = 0; k < values; k++) {
            px[p++] = sb.get() & 0xff;
          }
        }
        case UINT16 -> {
          for (int k = 0; k < values; k++) {
            px[p++] = sb.getShort() & 0xffff;
          }
        }
        case FLOAT32 -> {
          for (int k = 0; k < values; k++) {
            px[p++] = sb.getFloat();
          }
        }
        default -> throw new IllegalStateException(format.name());
      }
    }
    if (p != total) {
      throw new UserError("Corrupt TIFF " + name + ": truncated (" + p + " of " + total + " pixels); copy the file again");
    }
    return new RawImage(name, new FloatImage(width, height, px), format);
  }

  private static SampleFormat format(int bits, int sampleFormat, String name) {
    if (sampleFormat == 1 && bits == 8) {
      return SampleFormat.UINT8;
    }
    if (sampleFormat == 1 && bits == 16) {
      return SampleFormat.UINT16;
    }
    if (sampleFormat == 3 && bits == 32) {
      return SampleFormat.FLOAT32;
    }
    String kind = switch (sampleFormat) {
      case 1 -> "unsigned integer";
      case 2 -> "signed integer";
      case 3 -> "float";
      default -> "sample format " + sampleFormat;
    };
    throw new UserError("Unsupported TIFF " + name + ": " + bits + "-bit " + kind
        + "; use 8- or 16-bit unsigned integers or 32-bit float");
  }

  private static long value(ByteBuffer b, int entry, int type) {
    return switch (type) {
      case 3 -> b.getShort(entry + 8) & 0xffff;
      case 4 -> b.getInt(entry + 8) & 0xffffffffL;
      case 1 -> b.get(entry + 8) & 0xff;
      default -> throw new UserError("Corrupt TIFF: unexpected tag type " + type);
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

  private static RawImage viaImageIo(byte[] bytes, String name, String kind) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<javax.imageio.ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new UserError("No " + kind + " decoder for " + name + " (is TwelveMonkeys imageio-tiff on the class path?)");
      }
      javax.imageio.ImageReader reader = readers.next();
      try {
        reader.setInput(in);
        if (reader.getNumImages(true) > 1) {
          throw new UserError("Unsupported " + kind + " " + name + ": more than one page (a stack); save one plane per file");
        }
        Raster r = reader.canReadRaster() ? reader.readRaster(0, null) : reader.read(0).getRaster();
        if (r.getNumBands() != 1) {
          throw new UserError("Unsupported " + kind + " " + name + ": " + r.getNumBands()
              + " samples per pixel (colour); save one grayscale channel per file");
        }
        int type = r.getDataBuffer().getDataType();
        int bits = r.getSampleModel().getSampleSize(0);
        SampleFormat format = switch (type) {
          case DataBuffer.TYPE_BYTE -> bits == 8 ? SampleFormat.UINT8 : null;
          case DataBuffer.TYPE_USHORT -> bits == 16 ? SampleFormat.UINT16 : null;
          case DataBuffer.TYPE_FLOAT -> SampleFormat.FLOAT32;
          default -> null;
        };
        if (format == null) {
          throw new UserError("Unsupported " + kind + " " + name + ": " + bits + "-bit samples of data type " + type
              + "; use 8- or 16-bit unsigned integers or 32-bit float");
        }
        int w = r.getWidth();
        int h = r.getHeight();
        float[] px = r.getSamples(0, 0, w, h, 0, (float[]) null);
        return new RawImage(name, new FloatImage(w, h, px), format);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof UserError u) {
        throw u;
      }
      throw new UserError("Corrupt " + kind + " " + name + ": truncated or damaged (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); copy the file again", e);
    }
  }
}
