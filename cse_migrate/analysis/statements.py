"""What an evidence line says: a practice in place (support), a practice missing, stopped or not yet done
(absence), or a practice only planned (plan).

The rules are data (``mappings/statements.yaml``). A line is cut into clauses; in each clause the words of the
``support`` rules (negations that state a good result: "no complaints were upheld", "no charge") are set aside
first, then the first ``absence`` or ``plan`` rule that matches decides the clause. An absence anywhere in the
line outweighs a plan ("No customer panel since 2005 - to be re-established 2008" is an absence).

A line whose gap clauses are preceded by a clause that states a fact ("81% were satisfied, and we intend to
re-establish a panel") is a support line with a gap: the fact stays evidence and the rest, quoted, is the gap.
Clauses after the first gap clause are read as part of the gap ("There is no breakfast club, and working parents
have told us this makes mornings difficult" is one absence).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from cse_migrate.model import EvidenceKind
from cse_migrate.patterns import RulePatternSet
from cse_migrate.rules import RuleSet, StatementRule
from cse_migrate.text import fold

# Where one clause ends and the next begins: sentence ends, semicolons and colons before a new statement,
# spaced dashes, and the conjunctions that join a fact to a gap. The text's white space is collapsed to single
# spaces first, so no alternative repeats anything: the split is linear in the text, whatever it holds.
_CLAUSE_BREAK = re.compile(r"(?<=[.!?]) (?=[A-Za-z\"'(])|; ?| [-\u2013\u2014] |, ?(?:but|although|though|"
                           r"while|whereas|however|and|yet) | (?:but|although|whereas) |: (?=[a-z])")
# A clause states a fact when it has at least this many words (a bare "At present" or "However" does not).
_FACT_WORDS = 4
# A list marker at the start of a line ("- ", "• ", "o ", "1) ", "2. ") is layout, not words of the clause: "- No
# refresher since 2006" begins with "No" as much as the same line without its dash.
_MARKER = re.compile(r"^(?:[-\u2013\u2014\u2022*\u25aa\u25cf>]|o|\d{1,2}[.)])\s+")
# "Topic: gap" and "Topic – gap", the form of a note in a log ("Easy Read leaflet: not yet produced", "Tenants'
# forum – lapsed in 2008"): the topic before the colon or dash names what the gap is about and states no fact. A gap
# clause of at most this many words after one topic makes the whole line the gap.
_NOTE_GAP_WORDS = 8
_NOTE_BREAKS = frozenset({":", "-", "\u2013", "\u2014"})
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Judgement:
    """What one line says. ``fact`` is the part that is evidence (the whole line for plain support, the clauses
    before the gap for a support line with a gap, empty for an absence or a plan); ``gap`` the gap clauses of a
    support line with a gap, quoted (empty otherwise: an absence or plan line is a gap as a whole); ``rule`` the id
    of the rule that recognised the gap."""

    kind: EvidenceKind
    fact: str
    gap: str = ""
    rule: str = ""


def split_clauses(text: str) -> list[str]:
    """The clauses of a line (white space collapsed), in order, stripped; empty pieces dropped."""
    return [piece.strip(" ,.;:") for piece in _CLAUSE_BREAK.split(" ".join(text.split()))
            if piece and piece.strip(" ,.;:")]


class StatementJudge:
    """Applies the statement rules of a rule set to lines of evidence."""

    def __init__(self, rules: RuleSet | Sequence[StatementRule]) -> None:
        found = rules.statements if isinstance(rules, RuleSet) else tuple(rules)
        self.support = [r for r in found if r.means == "support"]
        self.gaps = [r for r in found if r.means != "support"]
        # Most clauses meet no rule at all: one pass over each kind says so, where trying the twenty rules one by
        # one was a sixth of mapping a line. A clause that some rule meets is then judged rule by rule, in order.
        self.any_support = RulePatternSet([r.pattern.pattern for r in self.support], anywhere=True)
        self.any_gap = RulePatternSet([r.pattern.pattern for r in self.gaps], anywhere=True)

    def clause_rule(self, clause: str) -> StatementRule | None:
        """The first absence or plan rule that matches ``clause`` once its support phrases are set aside."""
        folded = fold(clause)
        if self.any_support.any_found(folded):
            for rule in self.support:
                folded = rule.pattern.sub(" ", folded)
        folded = folded.strip()
        if not self.any_gap.any_found(folded):
            return None
        absence = next((r for r in self.gaps if r.means == "absence" and r.pattern.search(folded)), None)
        return absence or next((r for r in self.gaps if r.means == "plan" and r.pattern.search(folded)), None)

    def judge(self, text: str) -> Judgement:
        """Say whether ``text`` is support, absence or plan; for support with a gap, which part is which (quoted
        with the line's white space collapsed)."""
        text = " ".join(text.split())
        clauses = split_clauses(_MARKER.sub("", text))
        ruled = [(clause, self.clause_rule(clause)) for clause in clauses]
        first_gap = next((n for n, (_, rule) in enumerate(ruled) if rule is not None), None)
        if first_gap is None:
            return Judgement("support", text)
        gap_rules = [rule for _, rule in ruled[first_gap:] if rule is not None]
        rule = next((r for r in gap_rules if r.means == "absence"), gap_rules[0])
        facts = [clause for clause, _ in ruled[:first_gap] if len(_WORD.findall(fold(clause))) >= _FACT_WORDS]
        if facts and not is_note(text, clauses, first_gap):
            return Judgement("support", quote_span(text, clauses[0], clauses[first_gap - 1]),
                             quote_span(text, clauses[first_gap]), rule.id)
        kind: EvidenceKind = "absence" if rule.means == "absence" else "plan"
        return Judgement(kind, "", "", rule.id)


def is_note(text: str, clauses: list[str], first_gap: int) -> bool:
    """Whether the line is a topic and a short gap ("Box office queue times: no monitoring in place"): one clause
    before the gap, joined to it by a colon or a dash, and a gap of at most ``_NOTE_GAP_WORDS`` words."""
    if first_gap != 1 or len(_WORD.findall(fold(clauses[1]))) > _NOTE_GAP_WORDS:
        return False
    end = text.find(clauses[0]) + len(clauses[0])
    start = text.find(clauses[1], end)
    return end >= len(clauses[0]) and start > end and text[end:start].strip() in _NOTE_BREAKS


def quote_span(text: str, first: str, last: str | None = None) -> str:
    """The original text from clause ``first`` to the end of clause ``last`` (to the end of the line when None),
    so that a quoted fact or gap keeps the writer's own words and punctuation."""
    start = text.find(first)
    start = 0 if start < 0 else start
    if last is None:
        rest = text[start:].strip()
        return f"\u2026 {rest}" if start > 0 and rest[:1].islower() else rest  # begins mid-sentence
    end = text.find(last, start)
    return text[start:] if end < 0 else text[start:end + len(last)].strip()
