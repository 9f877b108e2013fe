package org.brightpaint.data.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes uncompressed TIFFs of any of the layouts users bring (8/16-bit, float, RGB), for tests
 * of {@link ImageReader}: the fixtures are made here rather than checked in.
 */
public final class TestTiffs {

  private TestTiffs() {}

  /** How samples are stored. */
  public enum Kind {
    /** unsigned 8-bit */
    U8(8, 1),
    /** unsigned 16-bit */
    U16(16, 1),
    /** 32-bit float */
    F32(32, 3),
    /** signed 16-bit (unsupported) */
    I16(16, 2);

    final int bits;
    final int format;

    Kind(int bits, int format) {
      this.bits = bits;
      this.format = format;
    }
  }

  /**
   * Encodes a little-endian, one-strip, uncompressed TIFF.
   *
   * @param w columns
   * @param h rows
   * @param kind the sample type
   * @param samplesPerPixel 1 for grayscale, 3 for RGB (values interleaved)
   * @param values {@code w * h * samplesPerPixel} values
   * @return the bytes
   */
  public static byte[] encode(int w, int h, Kind kind, int samplesPerPixel, float[] values) {
    int nTags = 11;
    int ifd = 8;
    int bitsOffset = ifd + 2 + 12 * nTags + 4;
    int data = bitsOffset + 8;
    int bytesPer = kind.bits / 8;
    int dataBytes = values.length * bytesPer;
    ByteBuffer b = ByteBuffer.allocate(data + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifd);
    b.putShort((short) nTags);
    tag(b, 256, 4, 1, w);
    tag(b, 257, 4, 1, h);
    if (samplesPerPixel == 1) {
      tag(b, 258, 3, 1, kind.bits);
    } else {
      tag(b, 258, 3, samplesPerPixel, bitsOffset);
    }
    tag(b, 259, 3, 1, 1);
    tag(b, 262, 3, 1, samplesPerPixel == 3 ? 2 : 1);
    tag(b, 273, 4, 1, data);
    tag(b, 277, 3, 1, samplesPerPixel);
    tag(b, 278, 4, 1, h);
    tag(b, 279, 4, 1, dataBytes);
    tag(b, 284, 3, 1, 1);
    tag(b, 339, 3, 1, kind.format);
    b.putInt(0);
    for (int i = 0; i < 4; i++) {
      b.putShort((short) kind.bits);
    }
    for (float v : values) {
      switch (kind) {
        case U8 -> b.put((byte) Math.round(v));
        case U16, I16 -> b.putShort((short) Math.round(v));
        case F32 -> b.putFloat(v);
        default -> throw new IllegalStateException();
      }
    }
    return b.array();
  }

  /**
   * Writes a grayscale TIFF.
   *
   * @param file the file
   * @param w columns
   * @param h rows
   * @param kind sample type
   * @param values {@code w * h} values
   * @return the file
   * @throws IOException on failure
   */
  public static Path write(Path file, int w, int h, Kind kind, float... values) throws IOException {
    Files.write(file, encode(w, h, kind, 1, values));
    return file;
  }

  private static void tag(ByteBuffer b, int tag, int type, int count, int value) {
    b.putShort((short) tag).putShort((short) type).putInt(count);
    if (type == 3 && count == 1) {
      b.putShort((short) value).putShort((short) 0);
    } else {
      b.putInt(value);
    }
  }
}
