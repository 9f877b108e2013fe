package org.brightpaint.models.diffusion;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Path;
import org.brightpaint.models.Generator;
import org.brightpaint.models.GeneratorFactory;
import org.brightpaint.models.GeneratorFiles;
import org.brightpaint.models.GeneratorOptions;
import org.brightpaint.models.ModelKind;
import org.brightpaint.models.Normalisation;

/**
 * The factory of one diffusion kind: {@code create} uses {@link DiffusionOptions#of} for the
 * options' preset and weight seed {@value #DEFAULT_SEED}; {@code load} reads the diffusion options
 * saved in the header ({@code diffusion.*} keys), then the weights (online and EMA denoisers).
 */
public abstract class DiffusionFactory implements GeneratorFactory {

  /** The weight initialisation seed of {@link #create}. */
  public static final long DEFAULT_SEED = 42;

  private final ModelKind kind;

  /** @param kind PALETTE or SPADE_DIFFUSION */
  protected DiffusionFactory(ModelKind kind) {
    this.kind = kind;
  }

  @Override
  public ModelKind kind() {
    return kind;
  }

  @Override
  public Generator create(GeneratorOptions options, Normalisation normalisation, Device device) {
    return new DiffusionGenerator(options, DiffusionOptions.of(kind, options.preset()), normalisation, device,
        DEFAULT_SEED);
  }

  @Override
  public Generator load(Path dir, GeneratorFiles.Header header, Device device) throws IOException {
    DiffusionOptions d = DiffusionOptions.readFrom(header.properties(),
        dir.resolve(GeneratorFiles.HEADER).toString());
    DiffusionGenerator g = new DiffusionGenerator(header.options(), d, header.normalisation(), device, DEFAULT_SEED);
    try {
      GeneratorFiles.readWeights(dir, header, g.network(), g.manager());
    } catch (RuntimeException | IOException e) {
      g.close();
      throw e;
    }
    return g;
  }
}
