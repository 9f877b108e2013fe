/*
 * brightpaint start-up fix for rapaio-jupyter-kernel 3.0.1 (MIT licence, (c) Aurelian Tutuianu).
 *
 * Replaces the kernel jar's class of the same name: it is compiled by environment/setup and put
 * AHEAD of the kernel jar on the kernel's class path. Binary-compatible with the original
 * (same package, name, constructor and public methods).
 *
 * Fixes: the original set its running flag AFTER Thread.start(), so a loop thread scheduled at
 * once saw running == false, returned, and the channel (shell, control or heartbeat) was dead
 * from birth: the kernel hung at start-up about one start in seven. Here the flag is set before
 * the thread starts, and an exception thrown by one iteration is logged instead of silently
 * ending the loop.
 */
package org.rapaio.jupyter.kernel.channels;

import java.util.logging.Level;
import java.util.logging.Logger;

/** A daemon-like loop: runs {@code loopBody}, sleeps {@code sleep} ms, until shut down. */
public final class LoopThread extends Thread {

  private static final Logger LOGGER = Logger.getLogger(LoopThread.class.getSimpleName());

  private volatile boolean running = false;
  private final long sleep;
  private final Runnable loopBody;

  /**
   * @param name the thread's name
   * @param sleep pause between iterations in milliseconds
   * @param loopBody one iteration
   */
  public LoopThread(String name, long sleep, Runnable loopBody) {
    super(name);
    this.sleep = sleep;
    this.loopBody = loopBody;
  }

  @Override
  public void run() {
    while (running) {
      try {
        loopBody.run();
      } catch (RuntimeException e) {
        LOGGER.log(Level.SEVERE, getName() + ": loop iteration failed, loop continues", e);
      }
      try {
        Thread.sleep(sleep);
      } catch (InterruptedException e) {
        running = false;
        return;
      }
    }
  }

  /** Marks the loop running, then starts the thread (the original did it the other way round). */
  @Override
  public synchronized void start() {
    running = true;
    super.start();
  }

  /** Asks the loop to stop after the current iteration. */
  public void shutdown() {
    running = false;
  }
}
