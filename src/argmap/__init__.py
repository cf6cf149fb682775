"""argmap: map claims and counterclaims, with every quote proven against its source.

The library does the work; the ``argmap`` command only calls it.

Example:
    >>> import argmap
    >>> m = argmap.loads('''{
    ...   "parties": [{"id": "musk", "name": "Elon Musk"}, {"id": "openai", "name": "OpenAI"}],
    ...   "sources": [{"id": "s", "title": "S", "language": "fr",
    ...                "text": "Musk dit qu'OpenAI a trahi sa mission. OpenAI dit non."}],
    ...   "claims": [
    ...     {"id": "betrayal", "text": "OpenAI betrayed its mission.", "asserted_by": ["musk"]},
    ...     {"id": "no-betrayal", "text": "It did not.", "asserted_by": ["openai"]}],
    ...   "evidence": [{"id": "ev", "source": "s", "quote": "OpenAI a trahi sa mission"}],
    ...   "relations": [{"from": "ev", "to": "betrayal", "type": "supports"},
    ...                 {"from": "no-betrayal", "to": "betrayal", "type": "rebuts"}]}''')
    >>> [d.code for d in argmap.check(m)]
    ['W101']
    >>> [u.claim.id for u in argmap.unrebutted(m)]
    ['no-betrayal']
    >>> argmap.to_graph(m).number_of_edges()
    2
    >>> [(s.id, s.verdict) for s in argmap.claim_statuses(m)]
    [('betrayal', 'holds'), ('no-betrayal', 'unsupported')]
"""

from typing import TYPE_CHECKING

from argmap._lazy import exports_getattr, keep_names

if TYPE_CHECKING:
    from argmap.analysis import SupportingQuote, UnrebuttedClaim, map_stats, unrebutted
    from argmap.checks import RULES, check
    from argmap.diagnostics import Diagnostic, MapError, Severity
    from argmap.explain import dispute_tree, explain
    from argmap.graph import to_graph
    from argmap.loader import load, loads
    from argmap.model import (
        ArgumentMap,
        Claim,
        Evidence,
        Hedge,
        Party,
        Question,
        Relation,
        RelationType,
        Source,
        SourceKind,
        map_schema,
        upgrade,
    )
    from argmap.provenance import find_quote, prove_quotes
    from argmap.questions import question_overview
    from argmap.status import ClaimStatus, claim_statuses, node_statuses
    from argmap.timeline import timeline

# Where each public name lives: imported on first use, so that a command loads only
# what it needs (``argmap solve`` on a framework file needs neither pydantic nor networkx).
_EXPORTS = {
    "SupportingQuote": "argmap.analysis",
    "UnrebuttedClaim": "argmap.analysis",
    "map_stats": "argmap.analysis",
    "unrebutted": "argmap.analysis",
    "RULES": "argmap.checks",
    "check": "argmap.checks",
    "Diagnostic": "argmap.diagnostics",
    "MapError": "argmap.diagnostics",
    "Severity": "argmap.diagnostics",
    "dispute_tree": "argmap.explain",
    "explain": "argmap.explain",
    "to_graph": "argmap.graph",
    "load": "argmap.loader",
    "loads": "argmap.loader",
    "ArgumentMap": "argmap.model",
    "Claim": "argmap.model",
    "Evidence": "argmap.model",
    "Hedge": "argmap.model",
    "Party": "argmap.model",
    "Question": "argmap.model",
    "Relation": "argmap.model",
    "RelationType": "argmap.model",
    "Source": "argmap.model",
    "SourceKind": "argmap.model",
    "map_schema": "argmap.model",
    "upgrade": "argmap.model",
    "find_quote": "argmap.provenance",
    "prove_quotes": "argmap.provenance",
    "question_overview": "argmap.questions",
    "ClaimStatus": "argmap.status",
    "claim_statuses": "argmap.status",
    "node_statuses": "argmap.status",
    "timeline": "argmap.timeline",
}

__version__ = "0.1.0"

__all__ = [
    "RULES",
    "ArgumentMap",
    "Claim",
    "ClaimStatus",
    "Diagnostic",
    "Evidence",
    "Hedge",
    "MapError",
    "Party",
    "Question",
    "Relation",
    "RelationType",
    "Severity",
    "Source",
    "SourceKind",
    "SupportingQuote",
    "UnrebuttedClaim",
    "__version__",
    "check",
    "claim_statuses",
    "dispute_tree",
    "explain",
    "find_quote",
    "load",
    "loads",
    "map_schema",
    "map_stats",
    "node_statuses",
    "prove_quotes",
    "question_overview",
    "timeline",
    "to_graph",
    "unrebutted",
    "upgrade",
]

# A submodule named like one of the names above (grounded, strength, explain, ...)
# must not replace the name when it is imported.
keep_names(__name__, _EXPORTS)


__getattr__ = exports_getattr(__name__, _EXPORTS)
