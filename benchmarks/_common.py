"""Helpers shared by the benchmark scripts: the machine description printed
with every table, and min/median/max formatting.  Not a benchmark itself.
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import tempfile


def cpu_model():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.lower().startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def memory_gib():
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    return int(line.split()[1]) / 2**20
    except OSError:
        pass
    return None


def filesystem_of(path):
    """(device, fs type, mount point) of the file system holding `path`."""
    path = os.path.realpath(path)
    best = None
    try:
        with open("/proc/mounts", encoding="utf-8") as f:
            for line in f:
                device, mount, kind = line.split()[:3]
                mount = mount.replace("\\040", " ")
                inside = path == mount or path.startswith(
                    mount.rstrip("/") + "/")
                if inside and (best is None or len(mount) > len(best[2])):
                    best = (device, kind, mount)
    except OSError:
        pass
    if best is None:
        return "unknown file system"
    device, kind, mount = best
    return f"{kind} on {device} (mounted at {mount})"


def versions():
    out = {"python": platform.python_version()}
    try:
        import keras
        out["keras"] = keras.__version__
        out["backend"] = keras.backend.backend()
    except Exception:  # pragma: no cover
        pass
    for name in ("tensorflow", "jax", "numpy", "h5py", "orbax.checkpoint"):
        module = sys.modules.get(name)
        if module is None:
            continue
        version = getattr(module, "__version__", None)
        if version is None and name == "orbax.checkpoint":
            try:
                from importlib.metadata import version as dist_version
                version = dist_version("orbax-checkpoint")
            except Exception:
                version = "?"
        out[name] = version
    return out


def machine_lines(temp_dir=None):
    """Markdown lines describing where the figures were measured."""
    temp_dir = temp_dir or tempfile.gettempdir()
    memory = memory_gib()
    load = ""
    try:
        load = " / ".join(f"{v:.2f}" for v in os.getloadavg())
    except OSError:
        pass
    lines = [
        f"- CPU: {cpu_model()}, {os.cpu_count()} logical cores"
        + (f", {memory:.0f} GiB memory" if memory else ""),
        f"- OS: {platform.system()} {platform.release()}",
        "- " + ", ".join(f"{k} {v}" for k, v in versions().items()),
        f"- temp folder: {temp_dir}: {filesystem_of(temp_dir)}",
    ]
    if load:
        lines.append(f"- load average at start (1/5/15 min): {load}")
    return lines


def mmm(values, scale=1.0, digits=1, suffix=""):
    """'min / median / max' of `values` (times `scale`), or '-'."""
    values = [v for v in values if v is not None]
    if not values:
        return "-"
    low, mid, high = (min(values) * scale, statistics.median(values) * scale,
                      max(values) * scale)
    return (f"{low:.{digits}f} / {mid:.{digits}f} / "
            f"{high:.{digits}f}{suffix}")


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def report(lines, out=None):
    """Print the Markdown report, and write it to `out` when given."""
    text = "\n".join(lines)
    print(text)
    if out:
        with open(out, "w", encoding="utf-8") as f:
            f.write(text + "\n")
