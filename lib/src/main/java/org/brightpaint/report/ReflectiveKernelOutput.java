package org.brightpaint.report;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Publishes bundles through a Jupyter Java kernel reached by reflection. Supports
 * rapaio-jupyter-kernel (3.x), JJava (1.0 and the earlier {@code org.dflib.jjava.JJava}) and
 * IJava; all three run notebook code in the kernel's own JVM, so their classes are visible to
 * the library's class loader.
 */
final class ReflectiveKernelOutput implements KernelOutput {

  private final String name;
  private final Object kernel;
  private final Method display;
  private final DataFactory factory;

  /** Creates a kernel's DisplayData object holding one bundle. */
  private interface DataFactory {
    Object create(MimeBundle bundle) throws ReflectiveOperationException;
  }

  private ReflectiveKernelOutput(String name, Object kernel, Method display, DataFactory factory) {
    this.name = name;
    this.kernel = kernel;
    this.display = display;
    this.factory = factory;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void publish(MimeBundle bundle) {
    try {
      display.invoke(kernel, factory.create(bundle));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Could not display through the " + name + " kernel", e);
    }
  }

  /** @return the output of the kernel this JVM runs in, or null outside a known kernel */
  static ReflectiveKernelOutput find() {
    ReflectiveKernelOutput k = rapaio();
    if (k == null) {
      k = basekernel("jjava", "org.dflib.jjava.jupyter.kernel.BaseKernel", "notebookKernel");
    }
    if (k == null) {
      k = basekernel("jjava", "org.dflib.jjava.JJava", "getKernelInstance");
    }
    if (k == null) {
      k = basekernel("ijava", "io.github.spencerpark.ijava.IJava", "getKernelInstance");
    }
    return k;
  }

  /** rapaio: {@code MainApp.kernel.display(DisplayData)}; DisplayData has static factories. */
  private static ReflectiveKernelOutput rapaio() {
    // Reading MainApp.kernel initialises MainApp, which builds a kernel: only do it inside one.
    String command = System.getProperty("sun.java.command", "");
    if (!command.contains("org.rapaio.jupyter.kernel.MainApp") && !command.contains("rapaio-jupyter-kernel")) {
      return null; // launched neither by main class nor as 'java -jar rapaio-jupyter-kernel-*.jar'
    }
    try {
      Class<?> main = load("org.rapaio.jupyter.kernel.MainApp");
      Class<?> dataClass = load("org.rapaio.jupyter.kernel.display.DisplayData");
      Field f = main.getField("kernel");
      Object kernel = f.get(null);
      if (kernel == null) {
        return null;
      }
      Method display = kernel.getClass().getMethod("display", dataClass);
      Method fromText = dataClass.getMethod("fromText", String.class);
      Method putData = dataClass.getMethod("putData", String.class, Object.class);
      return new ReflectiveKernelOutput("rapaio", kernel, display, b -> {
        Object dd = fromText.invoke(null, b.get(MimeBundle.TEXT));
        for (Map.Entry<String, String> e : b.data().entrySet()) {
          putData.invoke(dd, e.getKey(), e.getValue());
        }
        return dd;
      });
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return null;
    }
  }

  /**
   * IJava and JJava share jupyter-jvm-basekernel's design: a static accessor returns the kernel,
   * {@code kernel.display(DisplayData)} publishes, DisplayData has a public no-argument
   * constructor and {@code putData(String, Object)}.
   */
  private static ReflectiveKernelOutput basekernel(String name, String className, String accessor) {
    try {
      Class<?> c = load(className);
      Object kernel;
      try {
        kernel = c.getMethod(accessor).invoke(null);
      } catch (java.lang.reflect.InvocationTargetException e) {
        return null; // "no kernel running"
      }
      if (kernel == null) {
        return null;
      }
      for (Method m : kernel.getClass().getMethods()) {
        if (!m.getName().equals("display") || m.getParameterCount() != 1) {
          continue;
        }
        Class<?> dataClass = m.getParameterTypes()[0];
        if (!dataClass.getSimpleName().equals("DisplayData")) {
          continue;
        }
        Constructor<?> ctor = dataClass.getConstructor();
        Method putData = dataClass.getMethod("putData", String.class, Object.class);
        return new ReflectiveKernelOutput(name, kernel, m, b -> {
          Object dd = ctor.newInstance();
          for (Map.Entry<String, String> e : b.data().entrySet()) {
            putData.invoke(dd, e.getKey(), e.getValue());
          }
          return dd;
        });
      }
      return null;
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return null;
    }
  }

  private static Class<?> load(String name) throws ClassNotFoundException {
    ClassLoader[] loaders = {
      Thread.currentThread().getContextClassLoader(), ReflectiveKernelOutput.class.getClassLoader()
    };
    ClassNotFoundException last = null;
    for (ClassLoader l : loaders) {
      if (l == null) {
        continue;
      }
      try {
        return Class.forName(name, false, l);
      } catch (ClassNotFoundException e) {
        last = e;
      }
    }
    throw last != null ? last : new ClassNotFoundException(name);
  }
}
