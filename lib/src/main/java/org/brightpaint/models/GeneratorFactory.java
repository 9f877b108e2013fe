package org.brightpaint.models;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Builds and loads the generators of one {@link ModelKind}. Implementations are registered with
 * {@link Generators#register(GeneratorFactory)} or listed in
 * {@code META-INF/services/org.brightpaint.models.GeneratorFactory} and need a public no-argument
 * constructor.
 */
public interface GeneratorFactory {

  /** @return the kind this factory serves */
  ModelKind kind();

  /**
   * A freshly initialised generator. Weight initialisation draws from the engine's random
   * generator, so set {@code Engine.getInstance().setRandomSeed(seed)} first for repeatable weights.
   *
   * @param options the recipe; {@code options.kind()} equals {@link #kind()}
   * @param normalisation the normalisation its data uses
   * @param device where its weights live
   * @return the generator
   * @throws IllegalArgumentException when the options do not fit the architecture (named)
   */
  Generator create(GeneratorOptions options, Normalisation normalisation, Device device);

  /**
   * Loads a generator saved by {@link Generator#save(Path)} whose header has already been read
   * and checked (format version, kind).
   *
   * @param dir the checkpoint folder
   * @param header its header
   * @param device where to put the weights
   * @return the generator
   * @throws IOException when the weights cannot be read; truncation and corruption are reported
   *     as {@link IllegalArgumentException} naming the file
   */
  default Generator load(Path dir, GeneratorFiles.Header header, Device device) throws IOException {
    Generator g = create(header.options(), header.normalisation(), device);
    try {
      GeneratorFiles.readWeights(dir, header, g.network(), g.manager());
    } catch (RuntimeException | IOException e) {
      g.close();
      throw e;
    }
    return g;
  }
}
