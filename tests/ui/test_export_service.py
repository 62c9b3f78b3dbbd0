"""One export service per server process (issue 17.2, 17.3): packs requested from many sessions at once all arrive,
each with its own charts; a browser crash fails one export only; and the export's Chromium never tries the network.

Real Kaleido and Chromium throughout; the network test records the whole process tree's socket calls with strace."""
from __future__ import annotations

import io
import os
import re
import shutil
import signal
import subprocess
import sys
import zipfile

import plotly.graph_objects as go
import pytest

from lib.paths import ROOT
from lib.ui import export
from tests.helpers import at_once

pytestmark = pytest.mark.skipif(export.unavailable() is not None, reason=str(export.unavailable()))


def _item(tag: str) -> export.Item:
    fig = go.Figure(go.Bar(x=["CHN", "USA", "EUU"], y=[3, 2, 1]), layout_title_text=f"chart of session {tag}")
    return export.Item(f"chart_{tag}", fig, f"source {tag}")


def _sessions(tags: list[str]) -> dict[str, object]:
    """Each tag's pack requested from its own thread, all released together; tag -> ZIP bytes or the exception, and
    "_waits" -> tag -> the numbers of exports ahead that its progress callback was told."""
    waits: dict[str, list[int]] = {tag: [] for tag in tags}
    results = at_once(lambda tag: export.pack([_item(tag)], f"page_{tag}", waits[tag].append), tags)
    results["_waits"] = waits
    return results


def _assert_own_pack(data: bytes, tag: str, others: list[str]) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert sorted(zf.namelist()) == sorted([f"chart_{tag}.png", f"chart_{tag}.svg", f"page_{tag}.pptx"])
        svg = zf.read(f"chart_{tag}.svg").decode("utf-8")
        png = zf.read(f"chart_{tag}.png")
    assert f"chart of session {tag}" in svg, "each session gets its own chart"
    assert not any(f"chart of session {o}<" in svg for o in others if o != tag)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(png[16:20], "big") == export.WIDTH * export.SCALE


def test_four_sessions_exporting_at_once_each_get_their_pack():
    tags = ["a", "b", "c", "d"]
    results = _sessions(tags)
    for tag in tags:
        assert isinstance(results[tag], bytes), f"session {tag}: {results[tag]!r}"
        _assert_own_pack(results[tag], tag, tags)
    waits = results["_waits"]
    assert any(waits[tag] for tag in tags), "sessions that had to wait were told how many exports were ahead"
    assert all(0 <= n < len(tags) for tag in tags for n in waits[tag])


def _browsers() -> list[int]:
    """Process ids of the export's Chromium (main browser process) started by this process."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            cmd = open(f"/proc/{entry}/cmdline", "rb").read().split(b"\0")
            status = open(f"/proc/{entry}/status").read()
        except OSError:
            continue
        if b"--disable-background-networking" not in cmd or any(c.startswith(b"--type=") for c in cmd):
            continue
        pid = int(entry)
        while pid > 1:  # one of ours if this process is among its ancestors
            if pid == os.getpid():
                found.append(int(entry))
                break
            try:
                pid = int(re.search(r"PPid:\s+(\d+)", open(f"/proc/{pid}/status").read()).group(1))
            except (OSError, AttributeError):
                break
        del status
    return found


def test_a_crashed_browser_fails_one_export_and_the_others_go_on():
    export.render([_item("warm")])  # the browser is up and idle
    browsers = _browsers()
    assert browsers, "the export's Chromium runs with the offline switches"
    for pid in browsers:
        os.kill(pid, signal.SIGKILL)  # as if it crashed between two exports
    tags = ["x", "y", "z"]
    results = _sessions(tags)
    failed = [tag for tag in tags if isinstance(results[tag], export.ExportFailed)]
    assert len(failed) == 1, {tag: type(results[tag]).__name__ for tag in tags}
    for tag in set(tags) - set(failed):
        _assert_own_pack(results[tag], tag, tags)
    _assert_own_pack(export.pack([_item("after")], "page_after"), "after", [])


def test_one_export_browser_serves_many_exports():
    export.render([_item("first")])
    before = _browsers()
    export.render([_item("second")])
    assert _browsers() == before and len(before) == 1, "the same browser process, kept open between exports"


# --- no network from the export's process tree -------------------------------------------------------------------

_PROBE = """
import time
import duckdb, plotly.graph_objects as go
from lib.ui import export, figures
from lib.paths import warehouse_path
with duckdb.connect(str(warehouse_path()), read_only=True) as con:
    data = con.execute("select economy, year, value, unit from observations where indicator_id = 'rd_intensity' "
                       "and economy in ('CHN', 'USA', 'EUU') and year is not null and mention_id is null").df()
fig = go.Figure(figures.lines(data, title="研发强度 R&D intensity", subtitle="%", source="World Bank WDI", lang="zh"))
export.pack([export.Item("rd", fig, "World Bank WDI", "zh")], "rd")
time.sleep(8)  # background checks of a browser start seconds after it: give them time to show themselves
getattr(export, "shutdown", lambda: None)()
print("exported")
"""
_ADDRESS = re.compile(r'sa_family=(AF_INET6?|AF_UNIX)[^}]*?(?:inet_addr\("([^"]+)"\)|inet_pton\(AF_INET6, "([^"]+)"'
                      r'|sun_path="([^"]*)")')
_PEER = re.compile(r"->\[?([0-9A-Fa-f:.]+?)\]?:\d+\]>")  # strace -yy: a connected socket's "[local->peer]"
_DNS_SOCKETS = ("/run/systemd/resolve", "/var/run/nscd", "/run/nscd")


def _local(address: str) -> bool:
    return address.startswith("127.") or address == "::1" or address.startswith("::ffff:127.")


def _outside(line: str) -> list[str]:
    """Every address outside this machine that a connect/sendto/sendmsg line of `strace -f -yy` sends to.

    A UDP connect alone sends nothing (Chromium connects a UDP socket to 2001:4860:4860::8888 only to ask the kernel
    whether an IPv6 route exists); a datagram it then sends is a send line whose socket shows the peer, and counts."""
    call = re.match(r"\d+\s+(\w+)\(\d+<(\w+)", line)
    if not call:
        return []
    name, kind = call.groups()
    if name == "connect" and kind.startswith("UDP"):
        return []
    bad = []
    for family, ipv4, ipv6, unix in _ADDRESS.findall(line):
        if family == "AF_UNIX":
            if unix.startswith(_DNS_SOCKETS):
                bad.append(unix)  # a name lookup through a local resolver is still a lookup
        elif not _local(ipv4 or ipv6):
            bad.append(ipv4 or ipv6)
    if name.startswith("send"):
        bad += [peer for peer in _PEER.findall(line) if not _local(peer)]
    return bad


def test_the_outside_check_sees_what_strace_prints():
    assert _outside('1 connect(7<TCP:[5]>, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("142.250.1.1")}'
                    ', 16) = -1 EINPROGRESS')
    assert _outside('1 sendto(4<UDP:[192.0.2.2:51970->10.255.255.53:53]>, "x", 1, 0, NULL, 0) = 1')  # DNS
    assert _outside('1 sendto(5<UDPv6:[7]>, "x", 1, 0, {sa_family=AF_INET6, sin6_port=htons(443), '
                    'sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2a00:1450::5e", &sin6_addr), sin6_scope_id=0}, 28)')
    assert _outside('1 sendmsg(6<UDPv6:[[::]:1->[2001:4860:4860::8888]:443]>, {msg_name=NULL, ...}, 0) = 9')
    assert not _outside('1 connect(3<UDPv6:[9]>, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), '
                        'inet_pton(AF_INET6, "2001:4860:4860::8888", &sin6_addr), sin6_scope_id=0}, 28) = 0')
    assert not _outside('1 connect(9<TCP:[3]>, {sa_family=AF_INET, sin_port=htons(9), sin_addr=inet_addr("127.0.0.1")}'
                        ', 16)')
    assert not _outside('1 connect(3<UNIX:[4]>, {sa_family=AF_UNIX, sun_path="/run/dbus/system_bus_socket"}, 29)')


@pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed (.ci/run installs it)")
def test_an_export_makes_no_network_call_not_even_dns(tmp_path):
    log = tmp_path / "trace.txt"
    done = subprocess.run(["strace", "-f", "-yy", "-qq", "-e", "signal=none", "-e",
                           "trace=connect,sendto,sendmsg,sendmmsg", "-o", str(log),
                           sys.executable, "-c", _PROBE], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0 and "exported" in done.stdout, done.stderr[-2000:]
    calls = log.read_text(errors="replace").splitlines()
    assert any("<UNIX" in line for line in calls), "strace recorded the socket calls of the whole process tree"
    outside = [(line, _outside(line)) for line in calls if _outside(line)]
    assert not outside, "\n".join(line for line, _ in outside[:10])


def test_the_export_button_delivers_a_pack_and_says_nothing_is_queued_when_alone():
    from tests import helpers as apptest

    at = apptest.run_page("pages/rd.py", "en")
    at.button(key="_export_pack").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert "Download the pack (ZIP)" in [b.label for b in at.get("download_button")]
    assert not [i.value for i in at.info if "ahead" in i.value]
