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
