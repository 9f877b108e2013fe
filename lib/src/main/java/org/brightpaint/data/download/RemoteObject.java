package org.brightpaint.data.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One S3 object to fetch and where it goes.
 *
 * <p>Verification: S3's ETag of an object uploaded in one part is the hex MD5 of its bytes; an
 * object uploaded in N parts has an ETag {@code <hex>-N} (the MD5 of the parts' MD5s), which cannot
 * be recomputed without the part size the uploader used, so such objects are verified by size
 * only ({@link #multipart()}).
 *
 * @param key the object key in the bucket
 * @param size its size in bytes
 * @param etag its ETag without quotes, lower case
 * @param target the local file it is written to
 */
public record RemoteObject(String key, long size, String etag, Path target) {

  /** Validates and normalises the ETag (quotes removed, lower case). */
  public RemoteObject {
    if (key == null || key.isBlank() || target == null) {
      throw new IllegalArgumentException("A remote object needs a key and a target");
    }
    if (size < 0) {
      throw new IllegalArgumentException("Negative size " + size + " for " + key);
    }
    etag = etag == null ? "" : etag.replace("\"", "").toLowerCase(Locale.ROOT);
  }

  /** @return true when the ETag is a multipart one ({@code <hex>-N}): verified by size only */
  public boolean multipart() {
    return etag.contains("-");
  }

  /**
   * Whether a local file already holds this object: same size and, for a single-part object, the
   * MD5 of its bytes equals the ETag (a multipart object: same size; no ETag: never).
   *
   * @param file the local file
   * @return true when it need not be downloaded again
   */
  public boolean matches(Path file) {
    try {
      if (!Files.isRegularFile(file) || Files.size(file) != size) {
        return false;
      }
      if (etag.isEmpty()) {
        return false; // nothing to check the bytes against: fetch again
      }
      if (multipart()) {
        return true; // size only: a multipart ETag cannot be recomputed without the part size
      }
      try (InputStream in = Files.newInputStream(file)) {
        return etag.equals(md5(in));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The hex MD5 of a stream's remaining bytes.
   *
   * @param in the stream (read to its end, not closed)
   * @return 32 lower-case hex digits
   * @throws IOException on read failure
   */
  public static String md5(InputStream in) throws IOException {
    MessageDigest md = newMd5();
    byte[] buf = new byte[1 << 16];
    for (int n; (n = in.read(buf)) > 0; ) {
      md.update(buf, 0, n);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** @return a fresh MD5 digest */
  static MessageDigest newMd5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("This JVM has no MD5", e);
    }
  }
}
