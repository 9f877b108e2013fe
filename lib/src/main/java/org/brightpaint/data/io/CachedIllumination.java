package org.brightpaint.data.io;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.brightpaint.data.Channel;
import org.brightpaint.data.Site;
import org.brightpaint.image.FloatImage;

/**
 * A view of an {@link ImageSource} that reads each channel's plate illumination function once:
 * the first {@link #illumination} call of a channel reads it from the source (for a plate folder,
 * {@code illum/<plate>_Illum<Channel>.npy}, about 9 MB as float64 at 1080 x 1080 px), later calls
 * return the same image. Pixels are read from the source on every call. Thread-safe: concurrent
 * first calls of one channel read the function once.
 *
 * <p>Used by plate prediction, which needs the functions of the input planes for every site and
 * those of the stains to restore the predicted counts: once per plate instead of once per site.
 */
public final class CachedIllumination implements ImageSource {
  private final ImageSource source;
  private final Map<Channel, Optional<FloatImage>> functions = new ConcurrentHashMap<>();
  private final AtomicInteger reads = new AtomicInteger();

  private CachedIllumination(ImageSource source) {
    this.source = source;
  }

  /**
   * @param source the plate
   * @return a view that reads its illumination functions once (the source itself when it is one)
   */
  public static CachedIllumination of(ImageSource source) {
    return source instanceof CachedIllumination c ? c : new CachedIllumination(source);
  }

  /** @return the plate behind this view */
  public ImageSource source() {
    return source;
  }

  /** @return how many illumination functions were read from the source so far (one per channel asked) */
  public int reads() {
    return reads.get();
  }

  @Override
  public String plate() {
    return source.plate();
  }

  @Override
  public List<Site> sites() {
    return source.sites();
  }

  @Override
  public FloatImage read(Site site, Channel channel) {
    return source.read(site, channel);
  }

  @Override
  public Optional<FloatImage> illumination(Channel channel) {
    return functions.computeIfAbsent(channel, c -> {
      reads.incrementAndGet();
      return source.illumination(c);
    });
  }
}
