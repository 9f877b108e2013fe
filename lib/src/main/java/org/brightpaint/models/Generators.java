package org.brightpaint.models;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The registry of generators: one {@link GeneratorFactory} per {@link ModelKind}.
 *
 * <p>Factories are discovered once with {@link ServiceLoader} and can be added with
 * {@link #register(GeneratorFactory)}. A kind with no factory fails with a message saying so.
 *
 * <pre>{@code
 * try (Generator g = Generators.create(GeneratorOptions.of(ModelKind.UNET, Preset.CI), Device.cpu())) {
 *   NDArray fl = g.predict(bf);            // [B,3,H,W] -> [B,5,H,W]
 *   g.save(dir);
 * }
 * try (Generator g = Generators.load(dir, Device.cpu())) { ... }
 * }</pre>
 */
public final class Generators {

  private static final Map<ModelKind, GeneratorFactory> FACTORIES = new EnumMap<>(ModelKind.class);
  private static boolean discovered;

  private Generators() {}

  /**
   * Registers (or replaces) the factory for its kind.
   *
   * @param factory the factory
   */
  public static synchronized void register(GeneratorFactory factory) {
    FACTORIES.put(factory.kind(), factory);
  }

  /**
   * Removes the factory of a kind (tests use it to check the message for a kind without one).
   *
   * @param kind the kind
   * @return the removed factory, or null when none was registered
   */
  static synchronized GeneratorFactory unregister(ModelKind kind) {
    factories();
    return FACTORIES.remove(kind);
  }

  /**
   * @param kind a model kind
   * @return true when a factory serves it
   */
  public static boolean isAvailable(ModelKind kind) {
    return factories().containsKey(kind);
  }

  /**
   * The factory of a kind.
   *
   * @param kind the kind
   * @return its factory
   * @throws UnsupportedOperationException naming the kind when none is registered
   */
  public static GeneratorFactory factory(ModelKind kind) {
    GeneratorFactory f = factories().get(kind);
    if (f == null) {
      throw new UnsupportedOperationException(
          "Model '" + kind.cliName() + "' is not available in this build: no GeneratorFactory is registered for "
              + kind + " (available: " + factories().keySet() + ")");
    }
    return f;
  }

  /**
   * A fresh generator with the default normalisation.
   *
   * @param options the recipe
   * @param device where its weights live
   * @return the generator
   */
  public static Generator create(GeneratorOptions options, Device device) {
    return create(options, Normalisation.defaults(options.outputs()), device);
  }

  /**
   * A fresh generator.
   *
   * @param options the recipe
   * @param normalisation the normalisation of its data
   * @param device where its weights live
   * @return the generator
   */
  public static Generator create(GeneratorOptions options, Normalisation normalisation, Device device) {
    return factory(options.kind()).create(options, normalisation, device);
  }

  /**
   * Loads any saved generator, whatever its kind.
   *
   * @param dir a folder written by {@link Generator#save(Path)}
   * @param device where to put the weights
   * @return the generator
   * @throws IllegalArgumentException when {@code dir} is not a generator checkpoint, has another
   *     format version, or its weights are truncated or corrupt (the message names the file)
   * @throws IOException when reading fails
   */
  public static Generator load(Path dir, Device device) throws IOException {
    GeneratorFiles.Header h = GeneratorFiles.readHeader(dir);
    return factory(h.options().kind()).load(dir, h, device);
  }

  /**
   * Loads a saved generator that must be of a given kind.
   *
   * @param dir the checkpoint folder
   * @param expected the kind the caller needs
   * @param device where to put the weights
   * @return the generator
   * @throws IllegalArgumentException "Checkpoint ... holds a pix2pix generator, not unet" when kinds differ
   * @throws IOException when reading fails
   */
  public static Generator load(Path dir, ModelKind expected, Device device) throws IOException {
    GeneratorFiles.Header h = GeneratorFiles.readHeader(dir);
    if (h.options().kind() != expected) {
      throw new IllegalArgumentException("Checkpoint " + dir + " holds a " + h.options().kind().cliName()
          + " generator, not " + expected.cliName());
    }
    return factory(expected).load(dir, h, device);
  }

  private static synchronized Map<ModelKind, GeneratorFactory> factories() {
    if (!discovered) {
      discovered = true;
      for (GeneratorFactory f : ServiceLoader.load(GeneratorFactory.class, Generators.class.getClassLoader())) {
        FACTORIES.putIfAbsent(f.kind(), f);
      }
    }
    return FACTORIES;
  }
}
