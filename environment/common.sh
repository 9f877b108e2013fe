# Shared helpers for the environment/ scripts (sourced, not run).
# Sets ROOT (the checkout) and CACHE (environment/.cache, gitignored).

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="$ROOT/environment/.cache"
export MAVEN_OPTS="${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}"

bp_die() { echo "brightpaint: $*" >&2; exit 1; }

# java_major JAVA -> prints the feature version (e.g. 25) of the given java binary, or nothing.
bp_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -1
}

# Finds a JDK 25 and exports JAVA_HOME: $JAVA_HOME if it is 25, else /usr/lib/jvm/*25*.
bp_find_jdk() {
  local cand
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/javac" && "$(bp_java_major "$JAVA_HOME/bin/java")" == 25 ]]; then
    export JAVA_HOME; return 0
  fi
  for cand in /usr/lib/jvm/*25* /usr/lib/jvm/*-25 /opt/*jdk*25*; do
    if [[ -x "$cand/bin/javac" && "$(bp_java_major "$cand/bin/java")" == 25 ]]; then
      export JAVA_HOME="$cand"; return 0
    fi
  done
  bp_die "no JDK 25 found (JAVA_HOME=${JAVA_HOME:-unset}, nothing under /usr/lib/jvm/*25*).
Install a JDK 25, e.g. Eclipse Temurin 25 ('apt-get install temurin-25-jdk' from the Adoptium
apt repository, https://adoptium.net/installation/linux/) and/or set JAVA_HOME to it, then re-run."
}

# The Python that runs Jupyter (the interpreter of the 'jupyter' script, else python3).
bp_python() {
  local j py
  j="$(command -v jupyter 2>/dev/null || true)"
  if [[ -n "$j" ]]; then
    py="$(head -1 "$j" | sed -n 's/^#! *\([^ ]*\).*/\1/p')"
    if [[ -n "$py" && -x "$py" ]] && "$py" -c 'import jupyter_client' 2>/dev/null; then echo "$py"; return; fi
  fi
  for py in /usr/bin/python3 python3; do
    if "$py" -c 'import jupyter_client, nbclient' 2>/dev/null; then command -v "$py"; return; fi
  done
  bp_die "no Python with jupyter_client found: run environment/setup"
}

# Runs apt-get install for the given packages (with sudo when not root).
bp_apt_install() {
  local sudo=""
  [[ "$(id -u)" == 0 ]] || sudo="sudo"
  command -v apt-get >/dev/null || bp_die "apt-get not found: install $* by hand"
  echo "brightpaint: installing $* (apt-get)" >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null ||
    { $sudo apt-get update -q >/dev/null && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null; } ||
    bp_die "could not install $* with apt-get"
}

# Environment for Jupyter so that this checkout's 'brightpaint' kernelspec wins over others.
bp_jupyter_env() {
  export JUPYTER_PATH="$CACHE/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
}

# PyTorch's CPU kernels, pinned unless the user chose otherwise, so that a run is the same on
# every x86-64 machine with AVX2 (README "CPU kernels, pinned"):
# - oneDNN (convolutions) at SSE4.1: on AMD Zen 5 (cpu family 26) its AVX-512 convolution backward
#   pass returns NaN gradients at random (5 of 50 identical 3x3 conv backward passes,
#   ConvolutionGradientTest), and capped at AVX2 the Pix2Pix/SPADE training losses still became NaN
#   (TrainingLoopTest failed in 3 of 3 runs); capped at SSE4.1, 0 failures in 5 runs.
# - ATen (PyTorch's own vectorised kernels) at AVX2: by default it picks AVX-512 where the CPU has
#   it, and 20 palette steps then end in other weights than on an AVX2-only machine.
# - MKL (matrix products) on its AVX2 code path (conditional numerical reproducibility).
# Exported by every launcher (brightpaint, run-notebooks, the kernelspec's env) and set in
# surefire's environment (lib/pom.xml). The thread count matters too (a reduction split over
# another number of threads sums in another order): with --ci (run-notebooks at size ci, whose
# numbers are compared with environment/headlines-ci.json) all of this is forced, whatever the
# caller's environment says, and PyTorch gets 2 intra-op threads, as when the numbers were recorded.
bp_torch_env() {
  if [[ ${1:-} == --ci ]]; then
    unset ONEDNN_MAX_CPU_ISA ATEN_CPU_CAPABILITY MKL_CBWR
    export OMP_NUM_THREADS=2 MKL_NUM_THREADS=2
  fi
  export ONEDNN_MAX_CPU_ISA="${ONEDNN_MAX_CPU_ISA:-SSE41}"
  export ATEN_CPU_CAPABILITY="${ATEN_CPU_CAPABILITY:-avx2}"
  export MKL_CBWR="${MKL_CBWR:-AVX2}"
}
