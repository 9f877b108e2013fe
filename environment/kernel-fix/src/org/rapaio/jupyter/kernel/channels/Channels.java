/*
 * brightpaint start-up fix for rapaio-jupyter-kernel 3.0.1 (MIT licence, (c) Aurelian Tutuianu).
 *
 * Replaces the kernel jar's class of the same name: it is compiled by environment/setup and put
 * AHEAD of the kernel jar on the kernel's class path. Binary-compatible with the original
 * (same package, name, constructor and public methods; reconstructed from the 3.0.1 bytecode).
 *
 * Fix: the original bound the sockets and started the shell/control loops BEFORE it assigned
 * the message-handler map, so a kernel_info_request arriving in that window made the shell loop
 * read a null map (NullPointerException, the loop thread died and the client waited forever).
 * Here the kernel is registered and the (immutable) handler map is published first; only then
 * are the sockets bound and the loops started. Unknown message types still get the original
 * "no handler" log line.
 */
package org.rapaio.jupyter.kernel.channels;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.Stack;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.message.ContentType;
import org.rapaio.jupyter.kernel.message.HMACDigest;
import org.rapaio.jupyter.kernel.message.Message;
import org.rapaio.jupyter.kernel.message.MessageId;
import org.rapaio.jupyter.kernel.message.MessageType;
import org.rapaio.jupyter.kernel.message.messages.ErrorReply;
import org.rapaio.jupyter.kernel.message.messages.IOPubStatus;
import org.rapaio.jupyter.kernel.message.messages.IOPubStream;
import org.rapaio.org.zeromq.ZMQ;

/** The kernel's five ZeroMQ channels and the routing of incoming messages to the kernel. */
public final class Channels {

  private final ConnectionProperties connProps;
  private final ZMQ.Context ctx;
  private final HeartbeatChannel heartbeat;
  private final ShellChannel shell;
  private final ControlChannel control;
  private final StdinChannel stdin;
  private final IOPubChannel iopub;
  private final Set<AbstractChannel> channels;
  private final Stack<Runnable> afterActions = new Stack<>();
  private volatile Map<MessageType<?>, MessageHandler> handlers = Map.of();
  private volatile MessageId<?> msgId;
  private boolean isConnected = false;
  private volatile boolean requestShutdown = false;

  /**
   * @param connProps the connection file's content
   * @throws NoSuchAlgorithmException when the signature scheme is unknown
   * @throws InvalidKeyException when the key is unusable
   */
  public Channels(ConnectionProperties connProps)
      throws NoSuchAlgorithmException, InvalidKeyException {
    this.connProps = connProps;
    this.ctx = ZMQ.context(1);
    HMACDigest hmac = connProps.createHMACDigest();
    this.heartbeat = new HeartbeatChannel(this, ctx, hmac);
    this.shell = new ShellChannel(this, ctx, hmac, this);
    this.control = new ControlChannel(this, ctx, hmac);
    this.stdin = new StdinChannel(this, ctx, hmac);
    this.iopub = new IOPubChannel(this, ctx, hmac);
    this.channels = Set.of(heartbeat, shell, control, stdin, iopub);
  }

  /**
   * Registers the kernel and its handlers, then binds the sockets and starts the loops.
   *
   * @param kernel the kernel that handles requests
   */
  public synchronized void connect(RapaioKernel kernel) {
    if (isConnected) {
      return;
    }
    kernel.registerChannels(this);
    Map<MessageType<?>, MessageHandler> h = new HashMap<>();
    h.put(MessageType.SHELL_EXECUTE_REQUEST, (MessageHandler) kernel::handleExecuteRequest);
    h.put(MessageType.SHELL_INSPECT_REQUEST, (MessageHandler) kernel::handleInspectRequest);
    h.put(MessageType.SHELL_COMPLETE_REQUEST, (MessageHandler) kernel::handleCompleteRequest);
    h.put(MessageType.SHELL_HISTORY_REQUEST, (MessageHandler) kernel::handleHistoryRequest);
    h.put(MessageType.SHELL_IS_COMPLETE_REQUEST, (MessageHandler) kernel::handleIsCompleteRequest);
    h.put(MessageType.SHELL_KERNEL_INFO_REQUEST, (MessageHandler) kernel::handleKernelInfoRequest);
    h.put(MessageType.CONTROL_SHUTDOWN_REQUEST, (MessageHandler) kernel::handleShutdownRequest);
    h.put(MessageType.CONTROL_INTERRUPT_REQUEST, (MessageHandler) kernel::handleInterruptRequest);
    h.put(MessageType.CUSTOM_COMM_OPEN, (MessageHandler) kernel::handleCommOpenCommand);
    h.put(MessageType.CUSTOM_COMM_MSG, (MessageHandler) kernel::handleCommMsgCommand);
    h.put(MessageType.CUSTOM_COMM_CLOSE, (MessageHandler) kernel::handleCommCloseCommand);
    h.put(MessageType.SHELL_COMM_INFO_REQUEST, (MessageHandler) kernel::handleCommInfoRequest);
    handlers = Map.copyOf(h);
    // iopub first so that the "starting" status has a socket; then the request channels.
    iopub.bind(connProps);
    stdin.bind(connProps);
    heartbeat.bind(connProps);
    control.bind(connProps);
    shell.bind(connProps);
    iopub.sendMessage(new Message<>(MessageType.IOPUB_STATUS, IOPubStatus.STARTING));
    isConnected = true;
  }

  /**
   * @param type a message type
   * @return its handler, or null when the kernel handles no such message
   */
  @SuppressWarnings("unchecked")
  public <T> MessageHandler<T> getHandler(MessageType<T> type) {
    return (MessageHandler<T>) handlers.get(type);
  }

  /** Closes every channel and the ZeroMQ context. */
  public void close() {
    channels.forEach(AbstractChannel::close);
    ctx.close();
  }

  /** Blocks until every channel's loop has ended. */
  public void joinUntilClose() {
    channels.forEach(AbstractChannel::joinUntilClose);
  }

  /** @return whether a request is being handled */
  public boolean hasMsgId() {
    return msgId != null;
  }

  /** @param msgId the id of the request being handled */
  public void setMsgId(MessageId<?> msgId) {
    this.msgId = msgId;
  }

  /** Forgets the request being handled. */
  public void freeMsgId() {
    this.msgId = null;
  }

  /** Asks the loops to close the channels after the current request. */
  public void markForShutdown() {
    this.requestShutdown = true;
  }

  /** @return whether a shutdown was asked for */
  public boolean isMarkedForShutdown() {
    return requestShutdown;
  }

  /** @param s text for the notebook's stdout stream */
  public void writeToStdOut(String s) {
    publish(new IOPubStream(IOPubStream.StreamName.OUT, s));
  }

  /** @param s text for the notebook's stderr stream */
  public void writeToStdErr(String s) {
    publish(new IOPubStream(IOPubStream.StreamName.ERR, s));
  }

  /** @return a line typed by the user */
  public String readFromStdIn() {
    return stdin.getInput(msgId, "", false);
  }

  /** @param content a message for the iopub channel, parented to the current request */
  public <T extends ContentType<T>> void publish(T content) {
    iopub.sendMessage(new Message<>(msgId, content.type(), content));
  }

  /** @param content a reply on the shell channel to the current request */
  public <T extends ContentType<T>> void reply(T content) {
    shell.sendMessage(new Message<>(msgId, content.type(), content));
  }

  /**
   * @param type the error's message type
   * @param error the error reply
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void replyError(MessageType<?> type, ErrorReply error) {
    shell.sendMessage(new Message(msgId, type, error));
  }

  /** @param action run after the current request has been handled */
  public void scheduleAfter(Runnable action) {
    afterActions.push(action);
  }

  /** Runs (and forgets) the scheduled after-actions, last in first out. */
  public void runAfterActions() {
    while (!afterActions.isEmpty()) {
      afterActions.pop().run();
    }
  }

  /** Publishes "busy" now and "idle" after the current request. */
  public void busyThenIdle() {
    publish(IOPubStatus.BUSY);
    scheduleAfter(() -> publish(IOPubStatus.IDLE));
  }
}
