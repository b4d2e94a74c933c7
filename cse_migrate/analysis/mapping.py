"""Score evidence against a target framework's criteria and decide where each item maps.

Signals, each kept as a :class:`~cse_migrate.model.Reason` so that every mapping can explain itself:

* lexicon phrases: every phrase token must meet a token of the evidence, exactly or within the fuzzy cutoff
  (typos, inflections after stemming); a phrase adds its weight scaled by how well it matched;
* "against" phrases subtract, and so do the vocabulary's non-customer-facing activities (for every criterion);
* the crosswalk prior: the item's legacy reference, through the crosswalk rules into the target framework,
  adds ``strength / 10 * crosswalk_weight`` (times ``context_weight`` when the reference came from the sheet
  or heading rather than the row). It only adds to items whose text already says something, so a reference
  alone never maps an item, and clear text outweighs a misfiled reference.

Everything is computed in bulk: ``rapidfuzz.process.cdist`` compares all distinct evidence words with all
lexicon words at once, and numpy turns that into phrase matches and criterion scores for a whole block of items.
Python loops only over the few phrases an item actually matched, to write its reasons.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

import numpy as np
from numpy.typing import NDArray

from cse_migrate.analysis.classifier import NONE, Classifier, first_shipped, not_evidence_readings, shipped
from cse_migrate.analysis.confidence import Calibrator, features_of, shipped_calibrator
from cse_migrate.analysis.embedding import EmbeddingModel, shipped_embedding
from cse_migrate.analysis.phrase_sums import (
    CompiledPhrase,
    dedupe_phrases,
    equivalence_groups,
    fits,
    group_sum,
    grouped,
)
from cse_migrate.analysis.semantic import Encoder, Meaning, SemanticScorer
from cse_migrate.analysis.similarity import FormSimilarities
from cse_migrate.analysis.tuned import Probabilities, blend, in_order, shipped_tuned
from cse_migrate.model import EvidenceItem, Mapping, Reason, Settings
from cse_migrate.rules import Framework, Phrase, RuleSet, lexicon_chain
from cse_migrate.rules.settings import settings_for
from cse_migrate.text import positioned, words

# Items scored per block: bounds the memory of the (block x vocabulary) similarity matrix.
BLOCK = 1000


@dataclass(frozen=True)
class Scored:
    """Raw scores for one item: criterion -> (raw points, reasons)."""

    raw: dict[str, float]
    reasons: dict[str, list[Reason]]
    text_signal: float  # positive lexicon points before penalties and prior, across criteria
    # the leaves under the label the trained classifier likes best (empty: it says no evidence; None: no model)
    classifier_top: frozenset[str] | None = None
    # leaf -> the trained classifier's probability for its label (None: no model)
    classifier_probability: dict[str, float] | None = None
    # when the classifier's best label is "not evidence" and it is at least ``not_evidence_at`` sure: its probability
    # and the words that pulled it there (the run leaves the item unmapped)
    not_evidence: tuple[float, str] | None = None
    not_evidence_by: str = ""  # the model file of that reading when it is another framework's (not_evidence_from)


@dataclass
class _Block:
    """The words of a block of items and how they meet the lexicon's words."""

    words: list[list[tuple[int, str]]]  # per item: (row of `matrix`, original word)
    positions: list[list[int]]  # per item, parallel to `words`: where the word stands in the text
    matrix: NDArray[np.uint8]  # (distinct forms x vocabulary) similarity 0-100, 0 below the cutoff
    sim: NDArray[np.float32] = field(default_factory=lambda: np.zeros((0, 0), np.float32))  # (items x vocab)


class Matcher:
    """Compiled lexicon and crosswalk for one target framework; reusable across runs and items."""

    def __init__(self, rules: RuleSet, framework: Framework, legacy: str = "charter-mark-2003",
                 encoder: Encoder | None = None, settings: Settings | None = None,
                 classifier: Classifier | bool | None = True,
                 semantic_model: EmbeddingModel | bool | None = True,
                 tuned: Probabilities | bool = True) -> None:
        self.rules = rules
        self.framework = framework
        self.legacy = legacy
        # the run's settings; without them (a test, a tool) the framework's own, as at today
        self.settings = settings or settings_for(framework, date.today(), "")
        lexicon = rules.lexicons[framework.id]
        # Evidence maps to the leaves: every criterion of a flat framework, the sub-criteria (or elements) of a
        # hierarchical one. A leaf scores with its own phrases and its ancestors' (an element inherits its
        # sub-criterion's lexicon); a leaf with no phrases at all is not scored.
        chains = {leaf.id: lexicon_chain(framework, lexicon, leaf.id) for leaf in framework.leaves()}
        self.criteria = [cid for cid, chain in chains.items() if any(e.phrases for e in chain)]
        phrases: list[CompiledPhrase] = []
        for cid in self.criteria:
            for entry in chains[cid]:
                phrases += self._compile(cid, entry.phrases, "phrase", entry.file or lexicon.file)
                phrases += self._compile(cid, entry.against, "against", entry.file or lexicon.file)
        phrases += self._compile("", rules.vocabulary.not_customer_facing, "against", "vocabulary")
        self.phrases = dedupe_phrases([p for p in phrases if p.stems])
        self.vocab = sorted({s for p in self.phrases for s in p.stems})
        self.vocab_index = {s: i for i, s in enumerate(self.vocab)}
        self._similarities = FormSimilarities(self.vocab, self.vocab_index, rules.vocabulary,
                                              self.settings.fuzzy_cutoff)
        self._build_arrays()
        self.semantic_encoder = encoder  # kept so that compiled_matcher() can tell encoders apart
        lineage = rules.lineage(framework.id) or [framework.id]  # a model shipped for the framework it extends counts
        # the trained classifier (True: the one shipped; False: none); its review estimate (without --semantic
        # only: the estimate never saw the semantic layers' points)
        wanted = classifier and self.settings.classifier_weight > 0
        self.classifier, self.classifier_file = (classifier, "") if isinstance(classifier, Classifier) else \
            first_shipped(shipped, lineage, "{}.json") if wanted else (None, "")
        gate = framework.not_evidence_from if self.classifier and self.settings.not_evidence_from_at < 1 else None
        self.gate, self.gate_file = (shipped(gate), f"models/{gate}.json") if gate else (None, "")
        self.calibrator: Calibrator | None = None
        if self.classifier_file and encoder is None:
            self.calibrator = shipped_calibrator(self.classifier_file.removeprefix("models/").removesuffix(".json"))
        # with an encoder: the trained semantic layer (True: the one shipped) and the fine-tuned classifier
        model, self.semantic_file = (semantic_model, "") if isinstance(semantic_model, EmbeddingModel) else \
            first_shipped(shipped_embedding, lineage, "semantic-{}.json") \
            if encoder is not None and semantic_model is True and self.settings.embedding_weight > 0 else (None, "")
        self.tuned_file = ""
        probabilities = tuned if callable(tuned) else None
        build = getattr(encoder, "tuned", None)  # only the bundled encoder has one (semantic.MiniLM)
        if tuned is True and build is not None and self.classifier and self.settings.tuned_weight > 0:
            found, self.tuned_file = first_shipped(shipped_tuned, lineage, "tuned-{}.json")
            probabilities = None if found is None else in_order(build(found), found.labels, self.classifier.labels)
        self.semantic = None if encoder is None else SemanticScorer(
            encoder, framework, lexicon, self.criteria, self.settings.semantic_weight,
            self.settings.semantic_temperature, model, probabilities if self.classifier else None)
        model = None if self.semantic is None else self.semantic.model
        self.semantic_file = self.semantic_file if model is not None else ""
        self._semantic_label = {cid: framework.at_level(cid, model.level) for cid in self.criteria} if model else {}
        level = self.classifier.level if self.classifier is not None else 1
        self._model_label = {cid: framework.at_level(cid, level) for cid in self.criteria}  # leaf -> model label
        self.crosswalk: dict[str, list[tuple[str, int, str, str]]] = {}
        # a rule into a sub-criterion gives its prior to every leaf below it (its elements, when loaded)
        for rule in rules.crosswalk_rules_into(legacy, framework.id):
            for target in framework.leaves_under(rule.target):
                self.crosswalk.setdefault(rule.source, []).append((target, rule.strength, rule.id, rule.file))
        # elements (level 3 and below) of one sub-criterion compete: see decide()
        self.element_parent = {cid: framework.ancestors(cid)[0] for cid in self.criteria
                               if framework.level(cid) >= 3}

    def _compile(self, cid: str, phrases: Sequence[Phrase], kind: str, rule: str) -> list[CompiledPhrase]:
        vocab = self.rules.vocabulary
        default_window = self.settings.phrase_window
        out = []
        for p in phrases:
            # a phrase may be written as a word stem ("resurfac") to catch every form of the word; an exact
            # phrase keeps its stop words, which must then be in the evidence too
            found = positioned(p.text, vocab, keep_stopwords=p.exact)
            stems = tuple(vocab.stem(t.text) for t in found) if p.exact else \
                tuple(dict.fromkeys(vocab.stem(t.text) for t in found))
            window = 0 if p.exact else default_window if p.window is None else p.window
            out.append(CompiledPhrase(cid, p.text, p.weight, stems, kind, p.source or rule,
                                       len(words(p.text)) + window, p.ordered))
        return out

    def _build_arrays(self) -> None:
        """Phrase tables for numpy: token indices grouped by phrase length, weights, and criterion masks."""
        self.weights = np.array([p.weight for p in self.phrases], dtype=np.float32)
        packs = set(self.rules.roots) - {"bundled"}  # a pack's phrases set the classifier aside (_add_classifier)
        self._from_pack = np.array([p.kind == "phrase" and p.rule.partition(":")[0] in packs for p in self.phrases],
                                   dtype=bool)
        self._multi = np.array([len(p.stems) > 1 for p in self.phrases], dtype=np.float32)
        self.by_length: dict[int, tuple[NDArray[np.intp], NDArray[np.intp]]] = {}
        for length in sorted({len(p.stems) for p in self.phrases}):
            members = [i for i, p in enumerate(self.phrases) if len(p.stems) == length]
            table = [[self.vocab_index[s] for s in self.phrases[i].stems] for i in members]
            self.by_length[length] = (np.array(members, dtype=np.intp), np.array(table, dtype=np.intp))
        groups = equivalence_groups(self.phrases, self.settings.fuzzy_cutoff)
        self.gain_sets: list[tuple[NDArray[np.intp], NDArray[np.intp]]] = []
        self.loss_sets: list[tuple[NDArray[np.intp], NDArray[np.intp]]] = []
        for cid in self.criteria:
            self.gain_sets.append(grouped([i for i, p in enumerate(self.phrases)
                                            if p.criterion == cid and p.kind == "phrase"], groups))
            self.loss_sets.append(grouped([i for i, p in enumerate(self.phrases)
                                            if p.criterion in (cid, "") and p.kind == "against"], groups))

    def _block(self, items: Sequence[EvidenceItem]) -> _Block:
        """Compare every distinct word form of the block with the vocabulary in one cdist call.

        Fuzzy tolerance is for typos: a word that is itself a lexicon word (it meets some lexicon word exactly)
        never fuzzy-matches a different lexicon word, reviewed pairs in the vocabulary's ``merges.blocked`` never
        merge, and pairs in ``merges.allowed`` (one word family) always may.
        """
        vocab = self.rules.vocabulary
        per_item = []
        for item in items:
            toks = positioned(item.text, vocab, keep_stopwords=True)
            per_item.append([(t, vocab.stem(t.text)) for t in toks])
        forms = sorted({f for pairs in per_item for t, st in pairs for f in (st, t.text)})
        index = {f: i for i, f in enumerate(forms)}
        fuzzy = self._similarities.rows(forms)
        exact = np.where(fuzzy == 100, fuzzy, 0).astype(np.uint8)
        for a, b in vocab.merges_allowed:
            for form in {a, vocab.stem(a)} & index.keys():
                for target in {b, vocab.stem(b)} & self.vocab_index.keys():
                    exact[index[form], self.vocab_index[target]] = fuzzy[index[form], self.vocab_index[target]]
        known = fuzzy.max(axis=1) == 100 if self.vocab else np.zeros(len(forms), dtype=bool)
        # rows 0..n-1: fuzzy matches; rows n..2n-1: exact (and allowed) matches only, for lexicon words
        matrix = np.vstack([fuzzy, exact])
        offset = len(forms)
        words_of: list[list[tuple[int, str]]] = []
        positions: list[list[int]] = []
        for pairs in per_item:
            rows: list[tuple[int, str]] = []
            where: list[int] = []
            for t, st in pairs:
                shift = offset if known[index[st]] or known[index[t.text]] else 0
                for form in dict.fromkeys((st, t.text)):
                    rows.append((index[form] + shift, t.text))
                    where.append(t.position)
            words_of.append(rows)
            positions.append(where)
        block = _Block(words_of, positions, matrix)
        block.sim = np.zeros((len(items), len(self.vocab)), dtype=np.float32)
        for row, item_words in enumerate(block.words):
            if item_words:
                block.sim[row] = matrix[sorted({r for r, _ in item_words})].max(axis=0) / 100.0
        return block

    def _near(self, points: NDArray[np.float32], block: _Block) -> None:
        """Zero the points of multi-word phrases whose words do not stand close together (or not in order,
        for an ordered phrase): a phrase is not a bag of words."""
        multi = self._multi
        for row in range(points.shape[0]):
            hits = np.nonzero(points[row] * multi)[0]
            if not len(hits):
                continue
            rows = np.array([r for r, _ in block.words[row]])
            where = block.positions[row]
            for p in hits:
                phrase = self.phrases[int(p)]
                columns = [self.vocab_index[s] for s in phrase.stems]
                found = block.matrix[rows][:, columns] > 0
                candidates = [sorted({where[k] for k in np.nonzero(found[:, j])[0]}) for j in range(len(columns))]
                if not fits(candidates, phrase.span, phrase.ordered):
                    points[row, p] = 0.0

    def _phrase_points(self, sim: NDArray[np.float32]) -> NDArray[np.float32]:
        """(items x phrases): weight times the worst token similarity, 0 unless every token matched."""
        points = np.zeros((sim.shape[0], len(self.phrases)), dtype=np.float32)
        for members, table in self.by_length.values():
            points[:, members] = sim[:, table].min(axis=2)
        return points * self.weights

    def score(self, items: Sequence[EvidenceItem]) -> list[Scored]:
        """The raw scores of every item (see :meth:`iter_scores`)."""
        return list(self.iter_scores(items))

    def iter_scores(self, items: Sequence[EvidenceItem]) -> Iterator[Scored]:
        """The raw scores of each item in turn, computed a block at a time: a caller that keeps only its decision
        holds one block's scores at once (every criterion's reasons for 200,000 items would take gigabytes)."""
        for start in range(0, len(items), BLOCK):
            chunk = items[start:start + BLOCK]
            block = self._block(chunk)
            points = self._phrase_points(block.sim)
            self._near(points, block)
            gains = np.stack([group_sum(points, s) for s in self.gain_sets], axis=1)
            losses = np.stack([group_sum(points, s) for s in self.loss_sets], axis=1)
            meaning = None if self.semantic is None else Meaning.of(self.semantic, [i.text for i in chunk])
            vectors = None if self.classifier is None else self.classifier.vectors([i.text for i in chunk])
            learned = None if vectors is None or self.classifier is None else self.classifier.predict(vectors)
            if learned is not None and meaning is not None and meaning.tuned is not None:
                learned = blend(learned, meaning.tuned, self.settings.tuned_share)
            by_pack: NDArray[np.bool_] = np.any(points[:, self._from_pack] > 0, axis=1)
            gate = [None] * len(chunk) if self.gate is None else \
                not_evidence_readings(self.gate, [i.text for i in chunk], self.settings.not_evidence_from_at)
            for row, item in enumerate(chunk):
                scored = self._scored(item, points[row], gains[row], losses[row], block, row)
                if learned is not None and vectors is not None:
                    scored = self._add_classifier(vectors[row], scored, learned[row], bool(by_pack[row]))
                if meaning is not None:
                    scored = self._add_semantic(scored, meaning, row)
                if gate[row] is not None and scored.not_evidence is None and not by_pack[row]:
                    scored = replace(scored, not_evidence=gate[row], not_evidence_by=self.gate_file)
                yield scored

    def _scored(self, item: EvidenceItem, points: NDArray[np.float32], gains: NDArray[np.float32],
                losses: NDArray[np.float32], block: _Block, row: int) -> Scored:
        raw = {cid: float(g - loss) for cid, g, loss in zip(self.criteria, gains, losses, strict=True)}
        reasons: dict[str, list[Reason]] = {cid: [] for cid in self.criteria}
        hits = np.nonzero(points)[0]
        word_for = self._matched_words(hits, block, row)
        for p in hits:
            phrase = self.phrases[int(p)]
            value = float(points[p])
            matched = " ".join(dict.fromkeys(word_for[s] for s in phrase.stems))
            if phrase.kind == "phrase":
                reasons[phrase.criterion].append(Reason("phrase", phrase.text, matched, value, phrase.rule))
            else:
                for cid in [phrase.criterion] if phrase.criterion else self.criteria:
                    reasons[cid].append(Reason("against", phrase.text, matched, -value, phrase.rule))
        text_signal = float(gains.max()) if len(gains) else 0.0
        if text_signal > 0 and item.cm_ref is not None:
            factor = self.settings.crosswalk_weight
            if item.ref_from_context:
                factor *= self.settings.context_weight
            for target, strength, rule_id, file in self.crosswalk.get(item.cm_ref.criterion, []):
                if target in raw:
                    points_added = strength / 10.0 * factor
                    raw[target] += points_added
                    reasons[target].append(Reason("crosswalk", rule_id, item.cm_ref.raw, points_added, file))
        return Scored(raw, reasons, text_signal)

    def _add_semantic(self, scored: Scored, meaning: Meaning, row: int) -> Scored:
        """Spread ``semantic_weight`` points over the criteria by similarity to their prototype sentences, and
        ``embedding_weight`` points by the trained semantic layer's probabilities, each with a reason naming the
        prototype sentence the item reads most like.

        Prototype points go only to items whose text already matched the lexicon; the trained layer also scores an
        item no phrase matched when it gives a criterion at least ``embedding_alone`` (cross-validation: it finds
        evidence in words the lexicon lacks without taking noise). A mapping it disagrees with is flagged for review
        as ``review_dissent`` says (with the classifier: either of them disagreeing, or both)."""
        semantic = self.semantic
        if semantic is None:
            return scored
        model = semantic.model
        learned = None if model is None or meaning.learned is None else meaning.learned[row]
        if scored.text_signal <= 0:
            evidence = 0.0 if learned is None or model is None else max(
                (float(p) for label, p in zip(model.labels, learned, strict=True) if label != NONE), default=0.0)
            if evidence < self.settings.embedding_alone or self.settings.embedding_alone >= 1:
                return scored
        elif meaning.prototype is not None:
            for cid, probability in zip(self.criteria, meaning.prototype[row], strict=True):
                points = semantic.weight * float(probability)
                if points >= 0.01:
                    scored.raw[cid] += points
                    scored.reasons[cid].append(Reason("semantic", "sentence-embedding similarity", "", points,
                                                      "semantic"))
        if learned is None or model is None:
            return scored
        weight, nearest = self.settings.embedding_weight, meaning.nearest[row]
        by_label = dict(zip(model.labels, (float(p) for p in learned), strict=True))
        for index, cid in enumerate(self.criteria):
            probability = by_label.get(self._semantic_label[cid], 0.0)
            if weight * probability >= 0.05:
                scored.raw[cid] += weight * probability
                like = f"reads like '{nearest[index]}'" if nearest[index] else ""
                scored.reasons[cid].append(Reason("semantic", f"semantic layer, probability {probability:.2f}",
                                                  like, weight * probability, self.semantic_file or "semantic"))
        best = model.labels[int(np.argmax(learned))]
        agree = frozenset(cid for cid in self.criteria if self._semantic_label[cid] == best)
        top = agree if scored.classifier_top is None else \
            scored.classifier_top & agree if self.settings.review_dissent <= 1 else scored.classifier_top | agree
        return replace(scored, classifier_top=top)

    def _add_classifier(self, vector: NDArray[np.float32], scored: Scored,
                        probabilities: NDArray[np.float32], by_pack: bool = False) -> Scored:
        """Spread ``classifier_weight`` points over the leaves by the trained classifier's probabilities (a
        leaf below the model's level shares its ancestor's), each with a reason naming the words that pulled.

        Where a rules pack's own phrase matched (``by_pack``) it stands aside and only its dissent is kept (for
        review): the pack's author knows their words (a scheme's name, a local abbreviation) and the model never
        saw them, so at a heavy weight its points would overrule the pack, and its 'not evidence' would veto it."""
        model = self.classifier
        assert model is not None
        tuned = self.semantic is not None and self.semantic.tuned is not None  # --semantic: the blend (.tuned)
        weight = self.settings.tuned_weight if tuned else self.settings.classifier_weight
        by_label = dict(zip(model.labels, (float(p) for p in probabilities), strict=True))
        best = model.labels[int(np.argmax(probabilities))]
        top = frozenset(cid for cid in self.criteria if self._model_label[cid] == best)
        probability = {cid: by_label.get(self._model_label[cid], 0.0) for cid in self.criteria}
        if by_pack:
            return Scored(scored.raw, scored.reasons, scored.text_signal, top, probability)
        if best == NONE:
            # the model reads the text as no evidence at all: spreading its points over the criteria it finds less
            # likely maps what it would not (in cross-validation at weight 8, 40% of the not-evidence statements
            # were mapped; with this, 23%). The lexicon alone decides, and a mapping it makes is flagged as disputed
            # explained only when the run will leave the item unmapped for it (``not_evidence_at``; 1 never): most
            # runs never need it, and explaining costs as much as scoring
            at = self.settings.not_evidence_at
            sure = at < 1 and by_label[NONE] >= at
            reading = (by_label[NONE], model.explain(vector, [NONE])[NONE]) if sure else None
            return Scored(scored.raw, scored.reasons, scored.text_signal, top, probability, reading)
        points_for = {cid: weight * probability[cid] for cid in self.criteria}
        pulled_by = model.explain(vector, sorted({self._model_label[c] for c, p in points_for.items() if p >= 0.05}))
        for cid, points in points_for.items():
            pulled = pulled_by.get(self._model_label[cid], "")
            # a label no feature of the text pulls towards has only the model's prior: no points, nothing to explain
            if points >= 0.05 and pulled:
                scored.raw[cid] += points
                detail = f"trained classifier{' with the fine-tuned encoder' if tuned else ''}, probability " \
                         f"{points / weight:.2f}"
                source = " + ".join(f for f in (self.classifier_file, self.tuned_file) if f) or "classifier"
                scored.reasons[cid].append(Reason("classifier", detail, pulled, points, source))
        return Scored(scored.raw, scored.reasons, scored.text_signal, top, probability)

    def _matched_words(self, hits: NDArray[np.intp], block: _Block, row: int) -> dict[str, str]:
        """For the lexicon tokens of the matched phrases: the evidence word that met each, for explanations."""
        needed = sorted({s for p in hits for s in self.phrases[int(p)].stems})
        if not needed:
            return {}
        words = block.words[row]
        columns = [self.vocab_index[s] for s in needed]
        best = block.matrix[np.array([r for r, _ in words])][:, columns].argmax(axis=0)
        return {s: words[int(b)][1] for s, b in zip(needed, best, strict=True)}

    def best_features(self, mappings: Sequence[Mapping], scored: Scored, runner_up: float
                      ) -> tuple[float, ...] | None:
        """What the review estimate reads of an item's best mapping (:func:`.confidence.features_of`), or None
        without a mapping or a classifier."""
        if not mappings or scored.classifier_probability is None:
            return None
        best = mappings[0]
        favoured = scored.classifier_top is not None and best.criterion in scored.classifier_top
        return features_of(best, runner_up, scored.classifier_probability.get(best.criterion, 0.0), favoured)

    def chance_right(self, mappings: Sequence[Mapping], scored: Scored, runner_up: float) -> float | None:
        """The estimated chance that the best mapping's criterion is right (:mod:`.confidence`), or None."""
        features = None if self.calibrator is None else self.best_features(mappings, scored, runner_up)
        return None if features is None or self.calibrator is None else self.calibrator.chance(features)

    def runner_up(self, scored: Scored) -> float:
        """The second-best criterion's score: how close the decision was."""
        ranked = sorted((self.to_score(raw) for raw in scored.raw.values()), reverse=True)
        return ranked[1] if len(ranked) > 1 else 0.0

    def to_score(self, raw: float) -> float:
        """Raw points to a score in [0, 1): 1 - exp(-raw / scale)."""
        return 0.0 if raw <= 0 else 1.0 - math.exp(-raw / self.settings.score_scale)

    def decide(self, scored: Scored, threshold: float, secondary_ratio: float) -> tuple[Mapping, ...]:
        """The criteria an item maps to: the best above the threshold, and others close enough to it."""
        ranked = sorted(scored.raw.items(), key=lambda kv: (-kv[1], self.criteria.index(kv[0])))
        if not ranked or self.to_score(ranked[0][1]) < threshold:
            return ()
        top_raw = ranked[0][1]
        out: list[Mapping] = []
        best_element: dict[str, float] = {}  # sub-criterion -> raw points of its best element so far
        for cid, raw in ranked:
            score = self.to_score(raw)
            if score < threshold or (out and raw < secondary_ratio * top_raw):
                continue
            # sibling elements share their sub-criterion's phrases and differ only by their own words, so an
            # item supports the sibling its words fit best (all of them only when they tie exactly)
            parent = self.element_parent.get(cid)
            if parent is not None and raw < best_element.setdefault(parent, raw):
                continue
            out.append(Mapping(cid, round(score, 4), tuple(sorted(scored.reasons[cid],
                                                                  key=lambda r: -abs(r.contribution)))))
        return tuple(out)
