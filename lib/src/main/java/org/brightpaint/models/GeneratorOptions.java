package org.brightpaint.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.brightpaint.data.Channel;

/**
 * The typed recipe that builds a generator; saved with its weights so that a checkpoint rebuilds
 * exactly the network it came from.
 *
 * <p>Defaults per kind and preset ({@link #of(ModelKind, Preset)}), from
 * {@code shared/specs/generators.md}:
 *
 * <table>
 *   <caption>defaults</caption>
 *   <tr><th>kind</th><th>paper: size / width / depth</th><th>ci: size / width / depth</th></tr>
 *   <tr><td>UNET</td><td>512 / 32 / 6 (32..1024)</td><td>64 / 16 / 4</td></tr>
 *   <tr><td>PIX2PIX</td><td>512 / ngf 64 / 8 downs (unet_256)</td><td>64 / 16 / 6</td></tr>
 *   <tr><td>SPADE</td><td>512 / 64 / 8, SPADE hidden 128</td><td>64 / 16 / 6, hidden 32</td></tr>
 *   <tr><td>PALETTE</td><td>512 / 64 / 4 (x1,2,4,8), dropout 0.2</td><td>64 / 16 / 3</td></tr>
 *   <tr><td>SPADE_DIFFUSION</td><td>512 / 64 / 4, SPADE hidden 128</td><td>64 / 16 / 3, hidden 32</td></tr>
 * </table>
 *
 * <p>Kind-specific settings beyond these (noise schedules, attention resolutions, ...) belong in
 * that kind's own options record, which its {@link GeneratorFactory} saves beside the weights.
 *
 * @param kind which generator
 * @param preset the preset these values started from (recorded for provenance)
 * @param imageSize training crop side in pixels (square crops), &gt; 0
 * @param baseWidth channels of the first level (UNet filters, Pix2Pix ngf, Palette inner channels), &gt; 0
 * @param depth number of down-sampling levels, &gt; 0
 * @param conditionHidden hidden channels of SPADE conditioning convs (0 where unused)
 * @param dropout dropout rate in [0, 1) where the architecture has dropout
 * @param inputs input planes in tensor order (&gt;= 1); {@link Channel#BRIGHTFIELD_INPUTS} by default,
 *     any named channels with {@link #withChannels}
 * @param outputs output stains in tensor order (&gt;= 1, none of them an input); {@link Channel#FLUORESCENT}
 *     by default, one channel in per-channel mode ({@link #forChannel(Channel)}), any named stains
 *     with {@link #withChannels}
 */
public record GeneratorOptions(
    ModelKind kind,
    Preset preset,
    int imageSize,
    int baseWidth,
    int depth,
    int conditionHidden,
    double dropout,
    List<Channel> inputs,
    List<Channel> outputs) {

  /** Validates every field with a message naming the value. */
  public GeneratorOptions {
    if (kind == null || preset == null) {
      throw new IllegalArgumentException("Generator options need a model kind and a preset");
    }
    if (imageSize <= 0 || baseWidth <= 0 || depth <= 0) {
      throw new IllegalArgumentException(
          "Image size, base width and depth must be positive, got size " + imageSize
              + ", width " + baseWidth + ", depth " + depth);
    }
    if (conditionHidden < 0) {
      throw new IllegalArgumentException("Condition hidden width must be >= 0, got " + conditionHidden);
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("Dropout must be in [0, 1), got " + dropout);
    }
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    if (inputs.isEmpty() || outputs.isEmpty()) {
      throw new IllegalArgumentException("A generator needs at least one input plane and one output stain, got "
          + inputs + " -> " + outputs);
    }
    if (inputs.stream().distinct().count() != inputs.size() || outputs.stream().distinct().count() != outputs.size()
        || inputs.stream().anyMatch(outputs::contains)) {
      throw new IllegalArgumentException("Inputs and outputs must be distinct channels, got " + inputs + " -> "
          + outputs);
    }
  }

  /**
   * The reference defaults of a kind at a preset (see the table above).
   *
   * @param kind the model
   * @param preset ci or paper
   * @return the options
   */
  public static GeneratorOptions of(ModelKind kind, Preset preset) {
    boolean paper = preset == Preset.PAPER;
    int size = paper ? 512 : 64;
    return switch (kind) {
      case UNET -> new GeneratorOptions(kind, preset, size, paper ? 32 : 16, paper ? 6 : 4, 0, 0,
          Channel.BRIGHTFIELD_INPUTS, Channel.FLUORESCENT);
      case PIX2PIX -> new GeneratorOptions(kind, preset, size, paper ? 64 : 16, paper ? 8 : 6, 0, 0.5,
          Channel.BRIGHTFIELD_INPUTS, Channel.FLUORESCENT);
      case SPADE -> new GeneratorOptions(kind, preset, size, paper ? 64 : 16, paper ? 8 : 6,
          paper ? 128 : 32, 0.5, Channel.BRIGHTFIELD_INPUTS, Channel.FLUORESCENT);
      case PALETTE -> new GeneratorOptions(kind, preset, size, paper ? 64 : 16, paper ? 4 : 3, 0,
          0.2, Channel.BRIGHTFIELD_INPUTS, Channel.FLUORESCENT);
      case SPADE_DIFFUSION -> new GeneratorOptions(kind, preset, size, paper ? 64 : 16,
          paper ? 4 : 3, paper ? 128 : 32, 0.2, Channel.BRIGHTFIELD_INPUTS, Channel.FLUORESCENT);
    };
  }

  /** @return the number of input planes ({@code inputs().size()}, 3 by default) */
  public int inputChannels() {
    return inputs.size();
  }

  /** @return the number of output channels ({@code outputs().size()}: 5 for the paper, 1 per channel, or the user's) */
  public int outputChannels() {
    return outputs.size();
  }

  /**
   * Per-channel mode: the same recipe predicting one fluorescent channel.
   *
   * @param channel the channel to predict
   * @return options with {@code outputs = [channel]}
   */
  public GeneratorOptions forChannel(Channel channel) {
    return new GeneratorOptions(kind, preset, imageSize, baseWidth, depth, conditionHidden, dropout,
        inputs, List.of(channel));
  }

  /**
   * Any input planes and output stains (e.g. two phase planes to DNA, or brightfield to DAPI,
   * MAP2 and NFH), the network's first and last layers sized to them.
   *
   * @param newInputs input planes, in tensor order
   * @param newOutputs output stains, in tensor order
   * @return a copy with those channels
   */
  public GeneratorOptions withChannels(List<Channel> newInputs, List<Channel> newOutputs) {
    return new GeneratorOptions(kind, preset, imageSize, baseWidth, depth, conditionHidden, dropout,
        newInputs, newOutputs);
  }

  /**
   * @param size new crop side
   * @return a copy with another image size
   */
  public GeneratorOptions withImageSize(int size) {
    return new GeneratorOptions(kind, preset, size, baseWidth, depth, conditionHidden, dropout,
        inputs, outputs);
  }

  /**
   * @param width new base width
   * @param newDepth new depth
   * @return a copy with another width and depth
   */
  public GeneratorOptions withWidth(int width, int newDepth) {
    return new GeneratorOptions(kind, preset, imageSize, width, newDepth, conditionHidden, dropout,
        inputs, outputs);
  }

  /**
   * Writes these options as properties with keys {@code options.*}.
   *
   * @param p the target
   */
  public void writeTo(Properties p) {
    p.setProperty("options.kind", kind.cliName());
    p.setProperty("options.preset", preset.label());
    p.setProperty("options.imageSize", Integer.toString(imageSize));
    p.setProperty("options.baseWidth", Integer.toString(baseWidth));
    p.setProperty("options.depth", Integer.toString(depth));
    p.setProperty("options.conditionHidden", Integer.toString(conditionHidden));
    p.setProperty("options.dropout", Double.toString(dropout));
    p.setProperty("options.inputs", names(inputs));
    p.setProperty("options.outputs", names(outputs));
  }

  /**
   * Reads options written by {@link #writeTo(Properties)}.
   *
   * @param p the source
   * @param where a description of the source for messages (a file name)
   * @return the options
   * @throws IllegalArgumentException naming {@code where} and the key when a value is missing or bad
   */
  public static GeneratorOptions readFrom(Properties p, String where) {
    try {
      return new GeneratorOptions(
          ModelKind.parse(req(p, "options.kind", where)),
          Preset.parse(req(p, "options.preset", where)),
          Integer.parseInt(req(p, "options.imageSize", where)),
          Integer.parseInt(req(p, "options.baseWidth", where)),
          Integer.parseInt(req(p, "options.depth", where)),
          Integer.parseInt(req(p, "options.conditionHidden", where)),
          Double.parseDouble(req(p, "options.dropout", where)),
          channels(req(p, "options.inputs", where)),
          channels(req(p, "options.outputs", where)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Bad number in generator options of " + where + ": " + e.getMessage(), e);
    }
  }

  private static String req(Properties p, String key, String where) {
    String v = p.getProperty(key);
    if (v == null) {
      throw new IllegalArgumentException(where + " lacks the key '" + key + "'");
    }
    return v;
  }

  private static String names(List<Channel> channels) {
    return String.join(",", channels.stream().map(Channel::cpName).toList());
  }

  private static List<Channel> channels(String names) {
    List<Channel> out = new ArrayList<>();
    for (String n : names.split(",")) {
      out.add(Channel.named(n.trim()));
    }
    return out;
  }
}
