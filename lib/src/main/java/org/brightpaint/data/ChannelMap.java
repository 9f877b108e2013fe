package org.brightpaint.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which channel each Opera Phenix channel number ({@code ch<N>} in file names) holds on a plate.
 * CPJUMP1 numbers its eight channels 1..8 ({@link #cpjump1()}); other sources number alike only
 * sometimes, so a plate may say, e.g., {@code ch1=DNA,ch5=Brightfield}: its {@code ch1} files are
 * DNA, its {@code ch5} files brightfield, and it has no other channels.
 *
 * @param byNumber the channel of each Phenix number present on the plate
 */
public record ChannelMap(Map<Integer, Channel> byNumber) {

  private static final Pattern ENTRY = Pattern.compile("\\s*ch(\\d+)\\s*=\\s*([^\\s,]+)\\s*");

  /** Copies and checks that no channel appears twice. */
  public ChannelMap {
    byNumber = java.util.Collections.unmodifiableMap(new TreeMap<>(byNumber));
    if (byNumber.isEmpty()) {
      throw new IllegalArgumentException("A channel map needs at least one chN=Name entry");
    }
    if (byNumber.values().stream().distinct().count() != byNumber.size()) {
      throw new IllegalArgumentException("A channel map names a channel twice: " + describe(byNumber));
    }
  }

  /** @return CPJUMP1's numbering: ch1 Mito, ch2 AGP, ch3 RNA, ch4 ER, ch5 DNA, ch6 HighZBF, ch7 LowZBF, ch8 Brightfield */
  public static ChannelMap cpjump1() {
    Map<Integer, Channel> m = new TreeMap<>();
    for (Channel c : Channel.values()) {
      m.put(c.phenixNumber(), c);
    }
    return new ChannelMap(m);
  }

  /**
   * Parses a channel map: {@code ch<N>=<Name>} entries separated by commas or new lines, given
   * inline or as the path of a small text file holding them. Names are channel names
   * ({@link Channel#named}): CPJUMP1 names or the user's own.
   *
   * @param spec e.g. "ch1=DNA,ch5=Brightfield", or a file
   * @return the map
   * @throws IllegalArgumentException naming the entry that does not parse
   */
  public static ChannelMap parse(String spec) {
    String text = spec;
    Path file = Path.of(spec.trim());
    if (!spec.contains("=") && Files.isRegularFile(file)) {
      try {
        text = Files.readString(file);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the channel map " + file + ": " + e.getMessage(), e);
      }
    } else if (!spec.contains("=")) {
      throw new IllegalArgumentException("Bad channel map '" + spec + "': give ch<N>=<Name> entries (e.g. "
          + "ch1=DNA,ch5=Brightfield) or the path of a file holding them");
    }
    Map<Integer, Channel> m = new TreeMap<>();
    for (String e : text.split("[,\\n]")) {
      if (e.isBlank() || e.trim().startsWith("#")) {
        continue;
      }
      Matcher mm = ENTRY.matcher(e);
      if (!mm.matches()) {
        throw new IllegalArgumentException("Bad channel map entry '" + e.trim() + "': expected ch<N>=<Name>, e.g. ch1=DNA");
      }
      int n = Integer.parseInt(mm.group(1));
      if (m.put(n, Channel.named(mm.group(2))) != null) {
        throw new IllegalArgumentException("Channel map gives ch" + n + " twice in '" + spec.trim() + "'");
      }
    }
    return new ChannelMap(m);
  }

  /**
   * The Phenix number of a channel.
   *
   * @param channel the channel
   * @return its number on this plate
   * @throws IllegalArgumentException naming the channel and the map when the plate has no such channel
   */
  public int number(Channel channel) {
    for (Map.Entry<Integer, Channel> e : byNumber.entrySet()) {
      if (e.getValue().equals(channel)) {
        return e.getKey();
      }
    }
    throw new IllegalArgumentException("No Phenix channel number holds " + channel.cpName() + " in the channel map "
        + describe(byNumber) + ": add ch<N>=" + channel.cpName() + " to --channel-map");
  }

  /**
   * The channel of a Phenix number.
   *
   * @param number the {@code ch<N>} number
   * @return the channel, or null when the plate's map has none
   */
  public Channel channel(int number) {
    return byNumber.get(number);
  }

  /** @return the channels, in number order */
  public List<Channel> channels() {
    return new ArrayList<>(byNumber.values());
  }

  /** @return "ch1=Mito,ch2=AGP,..." */
  @Override
  public String toString() {
    return describe(byNumber);
  }

  private static String describe(Map<Integer, Channel> m) {
    return String.join(",", m.entrySet().stream().map(e -> "ch" + e.getKey() + "=" + e.getValue().cpName()).toList());
  }
}
