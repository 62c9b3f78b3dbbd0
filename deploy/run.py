"""Serve the dashboard as N replicas behind HAProxy on one machine, all reading the same read-only warehouse file.

    python -m deploy.run --replicas 2 --port 8080        # then open http://127.0.0.1:8080

Replicas listen on 127.0.0.1:<first-port>.. and the proxy on 127.0.0.1:<port> (`--bind 0.0.0.0` to serve a network).
Stop with Ctrl-C: the proxy and every replica stop with it. docs/DEPLOY.md explains running it across machines.
"""
from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from lib import serve
from lib.paths import ROOT, warehouse_path

CONFIG = Path(__file__).with_name("haproxy.cfg")
HAPROXY = os.environ.get("HAPROXY", "haproxy")


class DeployError(RuntimeError):
    """Something the deployment needs is missing; the message says what to do."""


def haproxy_binary() -> str:
    """The HAProxy executable, or DeployError saying how to install it."""
    found = shutil.which(HAPROXY) or shutil.which(HAPROXY, path="/usr/sbin:/usr/local/sbin")
    if not found:
        raise DeployError(f"HAProxy not found ({HAPROXY!r} is not on PATH nor in /usr/sbin): "
                          "apt-get install haproxy, or set HAPROXY to its path")
    return found


def config(replicas: list[tuple[str, int]]) -> str:
    """deploy/haproxy.cfg with one health-checked, cookie-named server line per (host, port) replica."""
    lines = [f"    server r{i} {host}:{port} check cookie r{i}" for i, (host, port) in enumerate(replicas, 1)]
    return CONFIG.read_text(encoding="utf-8").rstrip("\n") + "\n" + "\n".join(lines) + "\n"


@dataclass
class Deployment:
    """Running replicas and the proxy in front of them."""

    port: int
    proxy: subprocess.Popen | None = None
    replicas: list[serve.Server] = field(default_factory=list)
    log_dir: Path = ROOT / "artifacts"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pids(self) -> list[int]:
        return [r.proc.pid for r in self.replicas]

    def stop(self) -> None:
        if self.proxy is not None:
            serve.stop_process(self.proxy)
        for replica in self.replicas:
            replica.stop()


def check_warehouse(path: Path) -> None:
    """Replicas only read: a missing or stale warehouse must be built before they start, never by one of them."""
    from lib.warehouse.build import is_stale

    if is_stale(path):
        raise DeployError(f"the warehouse {path} is missing or older than its inputs: build it first with "
                          f"`INDICATORS_DB={path} .venv/bin/python -m lib.build`, then start the replicas")


def start(replicas: int = 2, port: int | None = None, first_port: int | None = None, bind: str = "127.0.0.1",
          warehouse: Path | None = None, log_dir: Path | None = None) -> Deployment:
    """Start `replicas` dashboard servers (ports first_port.., default free ones) and HAProxy on `bind`:`port`
    (default a free local port); return once the proxy's health check answers through to a replica."""
    if replicas < 1:
        raise DeployError(f"--replicas must be at least 1, got {replicas}")
    binary = haproxy_binary()
    warehouse = (warehouse or warehouse_path()).resolve()
    check_warehouse(warehouse)
    log_dir = log_dir or ROOT / "artifacts"
    log_dir.mkdir(parents=True, exist_ok=True)
    deployment = Deployment(port or serve.free_port(), log_dir=log_dir)
    # One cookie secret for all replicas, so a cookie one of them signed is valid on another.
    # (Streamlit takes the secret from its config file or the environment only, never from the command line.)
    env = {"INDICATORS_DB": str(warehouse),
           "STREAMLIT_SERVER_COOKIE_SECRET": os.environ.get("STREAMLIT_SERVER_COOKIE_SECRET", secrets.token_hex(32))}
    try:
        for i in range(replicas):
            deployment.replicas.append(serve.start_server("app.py", log_dir, port=first_port + i if first_port else None,
                                                          env=env))
        cfg = log_dir / f"haproxy-{deployment.port}.cfg"
        cfg.write_text(config([("127.0.0.1", r.port) for r in deployment.replicas]), encoding="utf-8")
        proxy_env = os.environ | {"PROXY_BIND": f"{bind}:{deployment.port}"}
        checked = subprocess.run([binary, "-c", "-f", str(cfg)], env=proxy_env, capture_output=True, text=True)
        if checked.returncode:
            raise DeployError(f"HAProxy rejects {cfg}:\n{checked.stdout}{checked.stderr}")
        log = log_dir / f"haproxy-{deployment.port}.log"
        with open(log, "wb") as out:
            # -db: stay in the foreground, so stopping this process stops the proxy.
            deployment.proxy = subprocess.Popen([binary, "-db", "-f", str(cfg)], env=proxy_env, stdout=out,
                                                stderr=subprocess.STDOUT)
        serve.wait_healthy(f"{deployment.url}/_stcore/health", 30, deployment.proxy, log)
    except BaseException:
        deployment.stop()
        raise
    return deployment


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deploy.run", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--replicas", type=int, default=2, help="dashboard processes (default 2; about one per core)")
    parser.add_argument("--port", type=int, default=8080, help="the proxy's port (default 8080)")
    parser.add_argument("--first-port", type=int, default=8601, help="first replica's port (default 8601)")
    parser.add_argument("--bind", default="127.0.0.1", help="the proxy's address (default 127.0.0.1)")
    parser.add_argument("--warehouse", type=Path, help="the warehouse file (default INDICATORS_DB or data/)")
    args = parser.parse_args(argv)
    try:
        deployment = start(args.replicas, args.port, args.first_port, args.bind, args.warehouse)
    except (DeployError, RuntimeError) as exc:
        print(f"deploy: {exc}", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(f"{args.replicas} replicas on ports {', '.join(str(r.port) for r in deployment.replicas)}; "
          f"open http://{args.bind}:{deployment.port} (Ctrl-C stops everything)", flush=True)
    try:
        while deployment.proxy.poll() is None:
            time.sleep(1)
        print(f"deploy: HAProxy exited with code {deployment.proxy.returncode}; see {deployment.log_dir}",
              file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        deployment.stop()


if __name__ == "__main__":
    raise SystemExit(main())
