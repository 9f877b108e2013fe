package org.brightpaint.models;

import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.brightpaint.data.Channel;

/**
 * The intensity normalisation a generator was trained with, saved beside its weights so that
 * prediction uses the same one and predicted channels can be written back as 16-bit counts.
 *
 * <p>Each image channel is clipped to its own [{@code lowPercentile}, {@code highPercentile}]
 * percentiles and scaled linearly to [-1, 1] (the seed authors' follow-up code uses 0.5 / 99.5).
 * Predictions are mapped back to raw counts with a typical range per output channel:
 * {@code raw = rawLow[c] + (x + 1) / 2 * (rawHigh[c] - rawLow[c])}, where {@code rawLow/rawHigh}
 * are the medians over the training images of the per-image low/high percentile values.
 *
 * @param lowPercentile lower clip percentile in [0, 100)
 * @param highPercentile upper clip percentile in (lowPercentile, 100]
 * @param channels output channels the raw ranges belong to, in tensor order
 * @param rawLow typical raw value (counts) at -1 for each of {@code channels}
 * @param rawHigh typical raw value (counts) at +1 for each of {@code channels}
 */
public record Normalisation(
    double lowPercentile, double highPercentile, List<Channel> channels, double[] rawLow, double[] rawHigh) {

  /** Validates percentiles and ranges. */
  public Normalisation {
    if (!(lowPercentile >= 0 && lowPercentile < highPercentile && highPercentile <= 100)) {
      throw new IllegalArgumentException(
          "Need 0 <= low < high <= 100 percentiles, got " + lowPercentile + ", " + highPercentile);
    }
    channels = List.copyOf(channels);
    if (rawLow.length != channels.size() || rawHigh.length != channels.size()) {
      throw new IllegalArgumentException(
          "Raw ranges need one value per channel " + channels + ", got " + rawLow.length + " and " + rawHigh.length);
    }
    for (int i = 0; i < rawLow.length; i++) {
      if (!(rawHigh[i] > rawLow[i])) {
        throw new IllegalArgumentException(
            "Raw range of " + channels.get(i) + " is empty: " + rawLow[i] + " .. " + rawHigh[i]);
      }
    }
  }

  /**
   * The 0.5 / 99.5 percentile normalisation with the full 16-bit range as the raw range, used
   * when no training statistics are known (tests, fresh models).
   *
   * @param channels output channels
   * @return the normalisation
   */
  public static Normalisation defaults(List<Channel> channels) {
    double[] lo = new double[channels.size()];
    double[] hi = new double[channels.size()];
    Arrays.fill(hi, 65535);
    return new Normalisation(0.5, 99.5, channels, lo, hi);
  }

  /**
   * Maps a normalised prediction back to raw counts for one output channel, clamped to [0, 65535].
   *
   * @param channelIndex index into {@link #channels()}
   * @param x value in normalised units [-1, 1]
   * @return raw counts
   */
  public double toRaw(int channelIndex, double x) {
    double r = rawLow[channelIndex] + (x + 1) / 2 * (rawHigh[channelIndex] - rawLow[channelIndex]);
    return Math.max(0, Math.min(65535, r));
  }

  /**
   * Writes this normalisation as properties with keys {@code normalisation.*}.
   *
   * @param p the target
   */
  public void writeTo(Properties p) {
    p.setProperty("normalisation.lowPercentile", Double.toString(lowPercentile));
    p.setProperty("normalisation.highPercentile", Double.toString(highPercentile));
    for (int i = 0; i < channels.size(); i++) {
      String c = channels.get(i).cpName();
      p.setProperty("normalisation.rawLow." + c, Double.toString(rawLow[i]));
      p.setProperty("normalisation.rawHigh." + c, Double.toString(rawHigh[i]));
    }
  }

  /**
   * Reads a normalisation written by {@link #writeTo(Properties)}.
   *
   * @param p the source
   * @param channels the output channels to read ranges for
   * @param where the source's name for messages
   * @return the normalisation
   * @throws IllegalArgumentException naming {@code where} and the missing key
   */
  public static Normalisation readFrom(Properties p, List<Channel> channels, String where) {
    double[] lo = new double[channels.size()];
    double[] hi = new double[channels.size()];
    for (int i = 0; i < channels.size(); i++) {
      lo[i] = num(p, "normalisation.rawLow." + channels.get(i).cpName(), where);
      hi[i] = num(p, "normalisation.rawHigh." + channels.get(i).cpName(), where);
    }
    return new Normalisation(num(p, "normalisation.lowPercentile", where),
        num(p, "normalisation.highPercentile", where), channels, lo, hi);
  }

  private static double num(Properties p, String key, String where) {
    String v = p.getProperty(key);
    if (v == null) {
      throw new IllegalArgumentException(where + " lacks the key '" + key + "'");
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(where + ": key '" + key + "' is not a number: " + v, e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Normalisation n && n.lowPercentile == lowPercentile
        && n.highPercentile == highPercentile && n.channels.equals(channels)
        && Arrays.equals(n.rawLow, rawLow) && Arrays.equals(n.rawHigh, rawHigh);
  }

  @Override
  public int hashCode() {
    return channels.hashCode() * 31 + Arrays.hashCode(rawLow) * 7 + Arrays.hashCode(rawHigh);
  }
}
