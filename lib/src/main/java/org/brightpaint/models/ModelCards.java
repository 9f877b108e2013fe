package org.brightpaint.models;

import ai.djl.Device;
import java.util.Locale;

/**
 * What a generator is, in words: the structure of UNet, Pix2Pix and SPADE as the notebooks show
 * it, with the widths and parameter count this preset builds.
 */
public final class ModelCards {

  private ModelCards() {}

  /**
   * A markdown description of a kind at a preset: a text diagram of the network, then the
   * options and the number of trainable parameters of the generator actually built.
   *
   * @param kind UNET, PIX2PIX or SPADE
   * @param preset ci or paper
   * @return markdown
   * @throws IllegalArgumentException for the diffusion kinds (described by their own package)
   */
  public static String describe(ModelKind kind, Preset preset) {
    GeneratorOptions o = GeneratorOptions.of(kind, preset);
    String diagram = switch (kind) {
      case UNET -> """
          brightfield [3]
            enc 0: [conv3x3 + ReLU] x2  %d ch  ───────────────────────────┐ skip
            maxpool 2x2 -> enc 1 ... enc %d (width doubles each level)      │
            dec: nearest upsample to the skip's size, concat(skip, up),   │
                 [conv3x3 + ReLU] x2  <─────────────────────────────────┘
            conv1x1 -> fluorescence [5]  (no activation; loss = MSE)
          """.formatted(o.baseWidth(), o.depth() - 1);
      case PIX2PIX, SPADE -> """
          brightfield [3]
            down x%d: [LeakyReLU 0.2] conv4x4 stride 2 [%s]   widths %d, %d, ... capped at %d
            up   x%d: ReLU, nearest 2x + conv3x3 [%s] [dropout 0.5 next to the bottom], concat skip
            outermost: conv -> tanh -> fluorescence [5] in [-1, 1]
          discriminator: %s PatchGAN on concat(brightfield, fluorescence) = 8 channels
          loss: %s
          """.formatted(o.depth(), kind == ModelKind.SPADE ? "SPADE(bf)" : "BatchNorm", o.baseWidth(),
          2 * o.baseWidth(), 8 * o.baseWidth(), o.depth(), kind == ModelKind.SPADE ? "SPADE(bf)" : "BatchNorm",
          kind == ModelKind.SPADE ? "two-scale, instance-norm" : "70 x 70",
          kind == ModelKind.SPADE ? "hinge GAN + 10 x feature matching + 100 x L1"
              : "BCE GAN + 100 x L1 (discriminator loss halved)");
      default -> throw new IllegalArgumentException(kind.cliName() + " is described by the diffusion package");
    };
    long params;
    try (Generator g = Generators.create(o, Device.cpu())) {
      params = g.parameterCount();
    }
    String spade = kind == ModelKind.SPADE ? """

        A SPADE layer normalises its input without learned affine terms (instance norm), then
        modulates every pixel: `out = norm(x) * (1 + gamma(bf)) + beta(bf)`, with `gamma`, `beta` two
        3x3 convs on a %d-channel ReLU(conv3x3) of the brightfield resized to the layer's size.
        """.formatted(o.conditionHidden()) : "";
    return String.format(Locale.ROOT, "**%s**, preset `%s`: %d x %d crops, base width %d, depth %d, "
        + "**%,d** trainable generator parameters.%n%n```%n%s```%n%s", kind.cliName(), preset.label(),
        o.imageSize(), o.imageSize(), o.baseWidth(), o.depth(), params, diagram, spade);
  }
}
