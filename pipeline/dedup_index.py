"""The durable dedup index every run keeps, and the earlier runs a new run deduplicates against.

A run writes ``index/`` in its run directory (not in the deletable ``work/``), text-free:

- ``index/exact/``: one row per exact-dedup survivor: the SHA-256 of its normalized text, its doc id,
  source and how many copies its group had;
- ``index/fuzzy/signatures/``: every document that entered fuzzy dedup: doc id, source, settings group,
  shingle count, MinHash signature and band keys;
- ``index/fuzzy/clusters/``: for the documents fuzzy dedup put in a cluster, the cluster's survivor and
  the run that holds it (an earlier run's, where the document was a duplicate of one) and the size;
- ``index/meta.json``: written last, when the run succeeds: the run id, what the hashes and signatures
  depend on (normalize's version and settings, each fuzzy settings group's shingle, n-gram,
  permutations, threshold, bands and rows, the seed), and the earlier runs this one was checked against.

A run manifest names earlier runs (``prior_runs = ["runs/2026-10"]``). Before Spark starts,
``load_prior_runs`` reads each one's ``meta.json`` (and, transitively, the runs those were checked
against), and refuses an index made under other settings: signatures of other shingles or seeds, or
hashes of differently normalized text, are not comparable. The dedup stages then read the indexes, never
an earlier run's text, and drop a new document that duplicates an earlier one with ``dup_of`` and the
earlier run's id (``prior_run`` in the decision's details). Nothing of an earlier run is rewritten.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from pipeline.errors import ManifestError

FORMAT: Final = 1
META: Final = "index/meta.json"
EXACT: Final = "index/exact"
FUZZY_SIGNATURES: Final = "index/fuzzy/signatures"
FUZZY_CLUSTERS: Final = "index/fuzzy/clusters"
#: An earlier run's document is the node ``<doc id>/<run id>`` in fuzzy dedup's graph (doc ids are hex:
#: no clash). The doc id comes first so that nodes sort as their documents do in one run over
#: everything: a bucket's centre, its smallest node, is the document it would be there, and so are the
#: edges verified (the centre's to every member), whatever the run ids are.
NODE_SEP: Final = "/"


@dataclass(frozen=True)
class PriorRun:
    """An earlier run whose index a run deduplicates against; ``order`` 0 is the first named."""

    run_id: str
    path: str
    name: str
    order: int
    stages: tuple[str, ...]  # the dedup stages it has an index for
    fuzzy_groups: tuple[Mapping[str, Any], ...] = ()  # its fuzzy settings groups (``signature_settings``)

    def uri(self, part: str) -> str:
        return f"{self.path.rstrip('/')}/{part}"


def signature_settings(settings: Mapping[str, Any]) -> dict[str, Any]:
    """What a fuzzy settings group's signatures and band keys depend on (not how candidates are verified)."""
    from filters import minhash as M

    unit = settings["shingle"]
    lsh = M.choose_lsh(settings["threshold"], settings["num_perm"], settings["lsh_fp_weight"])
    return {"shingle": unit, "ngram": settings["ngram"] or M.DEFAULT_NGRAM[unit], "num_perm": lsh.num_perm,
            "threshold": lsh.threshold, "bands": lsh.bands, "rows": lsh.rows}


def index_settings(seed: int, stages: Sequence[str], params: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """What this run's index depends on: equal settings make two runs' indexes comparable."""
    from pipeline.stages import REGISTRY
    from pipeline.stages.s50_fuzzy_dedup import settings_groups

    out: dict[str, Any] = {"format": FORMAT, "seed": seed,
                           "normalize": {"version": REGISTRY["normalize"].VERSION,
                                         "params": json.loads(json.dumps(params["normalize"], default=str))}}
    if "exact_dedup" in stages:
        out["exact_dedup"] = {"version": REGISTRY["exact_dedup"].VERSION}
    if "fuzzy_dedup" in stages:
        groups, _, _ = settings_groups(params["fuzzy_dedup"])
        out["fuzzy_dedup"] = {"version": REGISTRY["fuzzy_dedup"].VERSION,
                              "groups": [signature_settings(g.settings) for g in groups]}
    return out


def _differences(mine: Mapping[str, Any], theirs: Mapping[str, Any]) -> list[str]:
    """Why an earlier run's index cannot serve this run; empty when it can."""
    out = []
    if theirs.get("format") != FORMAT:
        out.append(f"index format {theirs.get('format')} (this kocurate reads {FORMAT})")
    if theirs.get("seed") != mine["seed"]:
        out.append(f"seed {theirs.get('seed')} (this run: {mine['seed']})")
    if theirs.get("normalize") != mine["normalize"]:
        out.append(f"normalize {json.dumps(theirs.get('normalize'), sort_keys=True)} "
                   f"(this run: {json.dumps(mine['normalize'], sort_keys=True)})")
    for stage in ("exact_dedup", "fuzzy_dedup"):
        if stage in mine and stage not in theirs:
            out.append(f"no {stage} index (its order had no {stage})")
        elif stage in mine and theirs[stage].get("version") != mine[stage]["version"]:
            out.append(f"{stage} version {theirs[stage].get('version')} (this run: {mine[stage]['version']})")
    if "fuzzy_dedup" in mine and "fuzzy_dedup" in theirs:
        for group in theirs["fuzzy_dedup"].get("groups", []):
            if group not in mine["fuzzy_dedup"]["groups"]:
                ours = mine["fuzzy_dedup"]["groups"][0]
                diff = ", ".join(f"{k} {group.get(k)} (this run: {ours[k]})" for k in ours if group.get(k) != ours[k])
                out.append(f"fuzzy_dedup signatures made with settings this run does not have: {diff}")
    return out


def _read_local(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as fh:
            return fh.read()
    except FileNotFoundError:
        return None


def load_prior_runs(paths: Sequence[str], settings: Mapping[str, Any], output: str,
                    read_text: Callable[[str], str | None] = _read_local) -> tuple[PriorRun, ...]:
    """The earlier runs named, then the runs they were checked against (transitively, once each), each
    with a complete, compatible index. Raises ``ManifestError`` saying which run and what differs."""
    out: list[PriorRun] = []
    seen: set[str] = set()
    queue = [(p, "prior_runs") for p in paths]
    while queue:
        path, via = queue.pop(0)
        path = path.rstrip("/")
        if os.path.normpath(path) == os.path.normpath(output.rstrip("/")):
            raise ManifestError(f"prior_runs: {path} is this run's own output directory; a fresh run clears it")
        text = read_text(f"{path}/{META}")
        if text is None:
            has_run = read_text(f"{path}/run.json") is not None
            raise ManifestError(
                f"{via}: {path} has no complete dedup index ({META}): "
                + ("the run did not succeed, or was made by a kocurate without one; rerun it"
                   if has_run else "not a kocurate run directory"))
        meta = json.loads(text)
        if meta["run_id"] in seen:
            continue
        problems = _differences(settings, meta["settings"])
        if problems:
            raise ManifestError(
                f"{via}: run {meta['run_id']} ({path}) cannot be deduplicated against: its index was made "
                f"with {'; '.join(problems)}. An earlier run's hashes and signatures compare only under the "
                "same normalize version and settings, shingle, n-gram, permutations, threshold and seed")
        seen.add(meta["run_id"])
        stages = tuple(s for s in ("exact_dedup", "fuzzy_dedup") if s in meta["settings"])
        groups = tuple(meta["settings"].get("fuzzy_dedup", {}).get("groups", []))
        out.append(PriorRun(meta["run_id"], path, meta["name"], len(out), stages, groups))
        queue += [(p["path"], f"prior_runs of {path}") for p in meta.get("prior_runs", [])
                  if p["run_id"] not in seen]
    return tuple(out)


def meta_for(run_id: str, name: str, settings: Mapping[str, Any], prior: Sequence[PriorRun],
             counts: Mapping[str, Any]) -> str:
    return json.dumps({"run_id": run_id, "name": name, "settings": settings, "counts": counts,
                       "prior_runs": [{"run_id": p.run_id, "path": p.path, "name": p.name} for p in prior]},
                      indent=1, sort_keys=True, ensure_ascii=False)


def prior_of(ctx: Any, stage: str) -> list[PriorRun]:
    """The earlier runs with an index for ``stage``, in the order they were named."""
    return [p for p in ctx.manifest.prior_runs if stage in p.stages]


def index_bytes(fs: Any, prior: Sequence[PriorRun], parts: Sequence[str]) -> int:
    """Bytes of the earlier runs' index files a stage reads: the whole of what it reads of them."""
    return sum(fs.du(p.uri(part)) for p in prior for part in parts)
