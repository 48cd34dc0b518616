"""A Spark standalone cluster on loopback, started from the installed pyspark.

pip's pyspark ships no start-master.sh/start-worker.sh, so the master and workers are started with
``spark-class`` directly, each worker with its own work directory, all bound to 127.0.0.1, and stopped
by process id. Used by the cluster tests and the benchmarks; also a small command:

    python -m pipeline.local_cluster --workers 2 --cores 1   # prints the master URL, Ctrl-C stops
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType

from pipeline.java import resolve_java_home


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def spark_home() -> Path:
    import pyspark

    return Path(next(iter(pyspark.__path__)))


class LocalCluster:
    """Context manager: a master and ``workers`` workers; ``url`` is the master URL."""

    def __init__(self, workers: int = 2, cores: int = 1, memory: str = "2g", root: str | None = None) -> None:
        self.workers, self.cores, self.memory = workers, cores, memory
        self.root = Path(root or tempfile.mkdtemp(prefix="kocurate-cluster-"))
        self.root.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.url = f"spark://127.0.0.1:{self.port}"
        self.procs: list[subprocess.Popen[bytes]] = []

    def _env(self) -> dict[str, str]:
        env = dict(os.environ)
        env["JAVA_HOME"] = resolve_java_home()[0]
        env["SPARK_HOME"] = str(spark_home())
        env["SPARK_LOCAL_IP"] = "127.0.0.1"
        env.setdefault("PYSPARK_PYTHON", sys.executable)
        env["SPARK_MASTER_OPTS"] = "-Dspark.master.rest.enabled=false"
        return env

    def _start(self, name: str, args: list[str]) -> Path:
        log = self.root / f"{name}.log"
        fh = open(log, "wb")
        cmd = [str(spark_home() / "bin" / "spark-class"), *args]
        self.procs.append(subprocess.Popen(cmd, stdout=fh, stderr=subprocess.STDOUT, env=self._env(),
                                           start_new_session=True))
        return log

    @staticmethod
    def _wait_for(log: Path, needle: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if log.exists() and needle in log.read_text(errors="replace"):
                return
            time.sleep(0.3)
        raise TimeoutError(f"'{needle}' did not appear in {log} within {timeout:.0f} s:\n"
                           + (log.read_text(errors="replace")[-3000:] if log.exists() else ""))

    def start(self) -> LocalCluster:
        master = self._start("master", ["org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                                        "--port", str(self.port), "--webui-port", str(free_port())])
        self._wait_for(master, "I have been elected leader", 60)
        for i in range(self.workers):
            work = self.root / f"worker{i}"
            work.mkdir(parents=True, exist_ok=True)
            log = self._start(f"worker{i}", [
                "org.apache.spark.deploy.worker.Worker", self.url, "--host", "127.0.0.1",
                "--cores", str(self.cores), "--memory", self.memory, "--work-dir", str(work),
                "--webui-port", str(free_port())])
            self._wait_for(log, "Successfully registered with master", 60)
        return self

    def stop(self) -> None:
        for p in reversed(self.procs):
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGTERM)
        for p in self.procs:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)
                p.wait()
        self.procs.clear()

    def __enter__(self) -> LocalCluster:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()


def main() -> None:
    ap = argparse.ArgumentParser(description="Run a Spark standalone cluster on 127.0.0.1 until interrupted")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--cores", type=int, default=1)
    ap.add_argument("--memory", default="2g")
    args = ap.parse_args()
    with LocalCluster(args.workers, args.cores, args.memory) as cluster:
        print(cluster.url, flush=True)
        print(f"logs and work directories in {cluster.root}; Ctrl-C stops", flush=True)
        try:
            signal.pause()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
