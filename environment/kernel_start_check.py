"""Starts a Jupyter kernel N times in a row and reports how many starts worked.

Each start: KernelManager.start_kernel, BlockingKernelClient.wait_for_ready (timeout), execute a
trivial cell and wait for its reply, then shut the kernel down. A start that does not become
ready, or whose cell does not answer, within the timeout counts as hung; its kernel is killed.
Usage: kernel_start_check.py N KERNEL_NAME TIMEOUT_S KERNEL_LOG
"""
import sys
import time

from jupyter_client import KernelManager


def one_start(kernel_name, timeout, log):
    km = KernelManager(kernel_name=kernel_name)
    t0 = time.monotonic()
    km.start_kernel(stdout=log, stderr=log)
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=timeout)
        ready = time.monotonic() - t0
        msg_id = kc.execute("int x = 6 * 7;\nx")
        deadline = time.monotonic() + timeout
        while True:
            reply = kc.get_shell_msg(timeout=max(0.1, deadline - time.monotonic()))
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        if reply["content"].get("status") != "ok":
            return False, ready, "cell failed: %s" % reply["content"]
        return True, ready, ""
    except Exception as e:  # RuntimeError from wait_for_ready, queue.Empty from get_shell_msg
        return False, time.monotonic() - t0, "%s: %s" % (type(e).__name__, e)
    finally:
        kc.stop_channels()
        try:
            km.shutdown_kernel(now=False)
        except Exception:
            km.shutdown_kernel(now=True)


def main():
    n, kernel_name, timeout, log_path = int(sys.argv[1]), sys.argv[2], float(sys.argv[3]), sys.argv[4]
    ok, times = 0, []
    log = open(log_path, "w")
    for i in range(1, n + 1):
        print("=== start %d" % i, file=log, flush=True)
        good, secs, why = one_start(kernel_name, timeout, log)
        times.append(secs)
        if good:
            ok += 1
        else:
            print("start %d/%d: FAILED after %.1f s (%s)" % (i, n, secs, why), flush=True)
        if i % 10 == 0 or i == n:
            print("  ... %d starts, %d ok" % (i, ok), file=sys.stderr, flush=True)
    times.sort()
    print("kernel starts: %d/%d ok (kernel '%s'; time to ready: median %.1f s, max %.1f s)"
          % (ok, n, kernel_name, times[len(times) // 2], times[-1]))
    return 0 if ok == n else 1


if __name__ == "__main__":
    sys.exit(main())
