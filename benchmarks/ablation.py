"""Does curation help a model learn Korean? Small-model ablations over the pipeline's variants.

Each variant is the base run manifest with one thing changed: ``raw`` (ingest and normalize, then
export), ``full`` (every stage up to export), ``+STAGE`` (raw with the stages up to STAGE added, in
pipeline order), ``-STAGE`` (full without STAGE), or a changed parameter (``--set NAME:STAGE.KEY=VALUE``,
full with that value). Every variant is run by the pipeline (or a finished run is reused,
``--reuse full=RUN_DIR``, when its stages and parameters are the variant's); its curated documents
become token shards and the same small transformer is trained on them for the same number of tokens,
once per seed (paired: seed s gives every variant the same initial weights, and draws the order of its
documents and of its training windows).

What keeps the comparison clean:

- **one tokenizer** for every variant, a SentencePiece BPE trained on the raw variant's text (the
  input, not any curated output, which would favour the curated variants), and one copy of each
  document (no upsampling);
- **held-out text** from ``../shared/corpora`` in five genres (news: Wikinews; statutes; informal web:
  movie reviews; technical documentation; novels). A training document sharing text with it (the same
  text, or a fifth of a held-out document's 8-word windows) is removed from every variant up front, and
  the count is printed;
- **bits per UTF-8 byte**, which do not depend on the tokenizer, per genre and over all of them;
- the training mix of each variant by declared domain: curation changes it, and the loss per genre
  moves with it.

Prints, per variant: tokens trained, held-out bits per byte per genre (mean over seeds), the paired
difference from raw with its spread and how many standard deviations it is, and each stage's credit
under both schemes (added in turn: the variant before it minus the variant with it; left out: the
variant without it minus full), where those variants were run. ``--check-determinism`` trains the first
variant's first seed again and requires the same loss curve to the printed precision. ``--card RUN_DIR``
puts the result in that run's data card (``kocurate report``).

    python -m benchmarks.ablation [--base manifests/sample_run.toml] [--variants raw,full] [--seeds 3]
        [--steps 120] [--reuse full=runs/sample] [--set NAME:STAGE.KEY=VALUE] [--json FILE] [--card RUN_DIR]

The CPU scale (CI: raw against full on the sample run) shows the harness works and is reproducible;
its corpus is far too small for a finding. docs/ablation.md says what the numbers mean.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import math
import statistics
import sys
import time
import tomllib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.dataset as ds

from benchmarks._common import CORPORA, ROOT, table

#: Held-out genres -> the corpus they are drawn from (benchmarks.corpora).
GENRES = {"news": "wikinews", "statutes": "statutes", "reviews": "nsmc_reviews", "technical": "technical_docs",
          "novels": "novels"}
#: A variant's run ends at export: its shards are built here, with the one shared tokenizer.
NOT_RUN = ("tokenizer", "tokens")
RAW = ("ingest", "normalize", "export")
#: Eval overlap: a training document holding this share of a held-out document's 8-word windows (and at least
#: this many) is removed.
OVERLAP_WORDS, OVERLAP_HITS, OVERLAP_SHARE = 8, 3, 0.2
PRECISION = 4  # decimals the loss curve and the bits per byte are printed (and compared) to


@dataclass(frozen=True)
class Variant:
    name: str
    stages: tuple[str, ...]
    changes: tuple[tuple[str, str, Any], ...] = ()  # (stage, key, value) set on top of the base manifest


def variants_of(base_stages: Sequence[str], names: Sequence[str], sets: Sequence[str] = ()) -> list[Variant]:
    """The variants asked for, raw always first (every difference is taken from it). ``add`` and
    ``loo`` expand to every stage added in turn or left out."""
    curated = [s for s in base_stages if s not in NOT_RUN and s not in RAW]
    full = tuple(s for s in base_stages if s not in NOT_RUN)
    if "export" not in full:
        raise SystemExit("the base manifest has no export stage: a variant's documents are its export")
    wanted: list[str] = []
    for n in names:
        wanted += ([f"+{s}" for s in curated[:-1]] + ["full"] if n == "add"
                   else [f"-{s}" for s in curated] + ["full"] if n == "loo" else [n])
    out: dict[str, Variant] = {"raw": Variant("raw", RAW)}
    for n in wanted:
        if n in ("raw", "full"):
            out.setdefault(n, Variant(n, RAW if n == "raw" else full))
        elif n[:1] in "+-" and n[1:] in curated:
            keep = set(curated[: curated.index(n[1:]) + 1]) if n[0] == "+" else set(curated) - {n[1:]}
            out.setdefault(n, Variant(n, tuple(s for s in full if s in RAW or s in keep)))
        else:
            raise SystemExit(f"unknown variant {n!r}: raw, full, add, loo, +STAGE or -STAGE "
                             f"(stages: {', '.join(curated)})")
    for s in sets:
        name, _, assign = s.partition(":")
        key, _, value = assign.partition("=")
        stage, _, param = key.partition(".")
        if not (name and stage and param and value) or stage not in full:
            raise SystemExit(f"--set {s!r}: NAME:STAGE.KEY=VALUE with a stage of the base manifest")
        out[name] = Variant(name, full, ((stage, param, tomllib.loads(f"v = {value}")["v"]),))
    return list(out.values())


def manifest_for(base: Any, v: Variant, out: Path) -> Any:
    """The base run manifest as variant ``v`` runs it."""
    params = {s: dict(base.params[s]) for s in v.stages}
    for stage, key, value in v.changes:
        if key not in params[stage]:
            raise SystemExit(f"--set: {stage} has no parameter {key!r}; it has {', '.join(sorted(params[stage]))}")
        params[stage][key] = value
    return dataclasses.replace(base, name=f"{base.name}-ablation-{v.name}", output=str(out), stages=v.stages,
                               params=params, prior_run_paths=(), prior_runs=())


def reusable(run_dir: Path, m: Any) -> str | None:
    """Why a finished run cannot stand for manifest ``m`` (None: it can): its stages up to export and
    their parameters, the seed and the sources must be the variant's."""
    try:
        run = json.loads((run_dir / "run.json").read_text(encoding="utf-8"))
    except OSError as exc:
        return f"no run.json ({exc})"
    if run.get("status") != "succeeded":
        return f"its status is {run.get('status')!r}"
    have = run["manifest"]
    want = json.loads(json.dumps(m.resolved(), default=str))
    stages = [s for s in have["stages"] if s not in NOT_RUN]
    if stages != list(m.stages):
        return f"its stages are {stages}, the variant's {list(m.stages)}"
    for key in ("seed", "sources"):
        if have[key] != want[key]:
            return f"its {key} differ"
    for s in m.stages:
        if have["params"][s] != want["params"][s]:
            return f"its {s} parameters differ"
    return None


# ----------------------------------------------------------------------------- held-out text


def eval_set(per_genre_bytes: int, max_doc_chars: int) -> dict[str, list[tuple[str, str]]]:
    """Documents of each genre, evenly spaced through its corpus, each cut to ``max_doc_chars`` at a line
    end, until the genre has ``per_genre_bytes`` of UTF-8 text."""
    from benchmarks.corpora import load

    out: dict[str, list[tuple[str, str]]] = {}
    for genre, corpus in GENRES.items():
        limit = 32
        while True:
            docs = [(i, _cut(t, max_doc_chars)) for i, t in load(corpus, limit) if t.strip()]
            picked, size = [], 0
            for doc_id, text in docs:
                if size >= per_genre_bytes:
                    break
                picked.append((doc_id, text))
                size += len(text.encode("utf-8"))
            if size >= per_genre_bytes or len(docs) < limit:
                break
            limit *= 2
        out[genre] = picked
    return out


def _cut(text: str, max_chars: int) -> str:
    if len(text) <= max_chars:
        return text
    head = text[:max_chars]
    return head[: head.rfind("\n")] if "\n" in head else head


def _windows(text: str) -> set[int]:
    words = text.split()
    return {hash(tuple(words[i: i + OVERLAP_WORDS])) for i in range(len(words) - OVERLAP_WORDS + 1)}


class Overlap:
    """What a training document must not share with the held-out text: a held-out document whole (modulo
    spacing), or a fifth of a held-out document's 8-word windows (three at least). A share of each held-out
    document, not a count: statutes share formulaic phrases (대통령령으로 정하는 바에 따라 ...) with every
    other statute, and a count of shared windows removed most statutes of the input."""

    def __init__(self, evals: dict[str, list[tuple[str, str]]]) -> None:
        texts = [t for docs in evals.values() for _, t in docs]
        self.texts = {" ".join(t.split()) for t in texts}
        self.needed: list[int] = []
        self.index: dict[int, list[int]] = {}  # window -> the held-out documents holding it
        for k, t in enumerate(texts):
            ws = _windows(t)
            self.needed.append(max(OVERLAP_HITS, math.ceil(OVERLAP_SHARE * len(ws))))
            for w in ws:
                self.index.setdefault(w, []).append(k)

    def hits(self, text: str) -> bool:
        if " ".join(text.split()) in self.texts:
            return True
        shared: Counter[int] = Counter(k for w in _windows(text) for k in self.index.get(w, ()))
        return any(n >= self.needed[k] for k, n in shared.items())


# ----------------------------------------------------------------------------- a variant's shards


def curated(run_dir: Path) -> pa.Table:
    """A run's exported documents, by doc id."""
    t = ds.dataset(run_dir / "docs", format="parquet", partitioning="hive").to_table(
        columns=["doc_id", "source", "licence", "declared_domain", "text"])
    return t.sort_by("doc_id")


def train_tokenizer(docs: pa.Table, vocab: int, seed: int, out: Path) -> Path:
    """The one tokenizer of every variant, from the raw variant's lines (spam lines left out, as the
    tokenizer stage samples)."""
    from tokenizer.sample import sample_lines
    from tokenizer.spm import TokenizerSpec, train

    lines = [line for d, t in zip(docs["doc_id"].to_pylist(), docs["text"].to_pylist(), strict=True)
             for line in sample_lines(t, d, seed, 1.0)]
    # Every character of the sample is a piece (character coverage 1.0, as the tokenizer stage trains): a
    # vocabulary smaller than the characters and the special pieces is raised to hold them.
    chars = len(set().union(*map(set, lines))) if lines else 0
    if vocab < chars + 300:
        print(f"tokenizer: {vocab:,} pieces asked for, raised to {chars + 300:,} ({chars:,} distinct characters)")
        vocab = chars + 300
    return train(lines, TokenizerSpec(vocab_size=vocab, num_threads=1), out / "ablation").model


# ----------------------------------------------------------------------------- statistics


def paired(results: dict[str, dict[int, dict[str, float]]], genres: Sequence[str]
           ) -> dict[str, dict[str, dict[str, float | None]]]:
    """Per variant and genre: the differences from raw over the seeds (variant minus raw: negative is
    better), their mean, standard deviation, and the mean in standard deviations."""
    out: dict[str, dict[str, dict[str, float | None]]] = {}
    for name, by_seed in results.items():
        if name == "raw":
            continue
        out[name] = {}
        for g in genres:
            diffs = [by_seed[s][g] - results["raw"][s][g] for s in sorted(by_seed)]
            mean = statistics.fmean(diffs)
            sd = statistics.stdev(diffs) if len(diffs) > 1 else None
            out[name][g] = {"mean": mean, "sd": sd, "n": len(diffs),
                            "sigmas": (abs(mean) / sd if sd else None)}
    return out


def credit(means: dict[str, dict[str, float]], curated_stages: Sequence[str], genres: Sequence[str]
           ) -> dict[str, dict[str, dict[str, float]]]:
    """Each stage's credit in bits per byte saved (positive: the stage helps), under both schemes, where
    the variants it needs were run. Added in turn: the variant before the stage minus the one with it;
    left out: full without the stage minus full."""
    chain = ["raw", *[f"+{s}" for s in curated_stages[:-1]], "full"]
    add: dict[str, dict[str, float]] = {}
    for i, s in enumerate(curated_stages):
        before, after = chain[i], chain[i + 1]
        if before in means and after in means:
            add[s] = {g: means[before][g] - means[after][g] for g in genres}
    loo = {s: {g: means[f"-{s}"][g] - means["full"][g] for g in genres}
           for s in curated_stages if f"-{s}" in means and "full" in means}
    if len(curated_stages) and "full" in means and not add:  # raw against full only: the pipeline as a whole
        add["(all stages)"] = {g: means["raw"][g] - means["full"][g] for g in genres}
    return {"added_in_turn": add, "left_out": loo}


def _f(v: float | None, digits: int = PRECISION) -> str:
    return "n/a" if v is None or (isinstance(v, float) and math.isnan(v)) else f"{v:.{digits}f}"


# ----------------------------------------------------------------------------- the run


def prepare(args: argparse.Namespace, spark: Any = None) -> Path:
    """Run every variant (or reuse a finished run), train the one tokenizer, and write the bundle
    (``benchmarks.ablation_bundle``) the models are trained from; returns its folder."""
    from benchmarks.ablation_bundle import write
    from pipeline.api import run as run_pipeline
    from pipeline.manifest import load_run
    from tokenizer.spm import EOS, SPECIAL_IDS, processor

    work = Path(args.work)
    evals = eval_set(int(args.eval_kb * 1000), args.eval_doc_chars)
    overlap = Overlap(evals)
    print(f"held-out text: {', '.join(f'{g} {len(d)} docs' for g, d in evals.items())} "
          f"({sum(len(t.encode()) for d in evals.values() for _, t in d) / 1e3:,.0f} KB)", flush=True)
    made = None
    if args.input != "manifest":
        from benchmarks.ablation_input import build
        from benchmarks.scale import eval_sets

        made = build(work / "input", args.real_mb, args.web_mb if args.input == "web" else 0.0, overlap.hits,
                     args.input_seed, eval_sets())
        print("input: " + ", ".join(f"{k} {v['documents']:,} docs / {v['mb']:.1f} MB"
                                    for k, v in made["sources"].items())
              + f"; removed for sharing text with the held-out set: {sum(made['removed_for_eval'].values())}",
              flush=True)
        args.base = Path(made["manifest"])
    base = load_run(args.base)
    if args.sources:
        chosen = set(args.sources.split(","))
        base = dataclasses.replace(base, sources=tuple(s for s in base.sources if s.name in chosen))
    variants = variants_of(base.stages, args.variants.split(","), args.set or [])
    reuse = dict(r.split("=", 1) for r in args.reuse or [])

    runs: dict[str, dict[str, Any]] = {}
    for v in variants:
        m = manifest_for(base, v, work / "runs" / v.name)
        info = {"stages": list(v.stages), "changes": [list(c) for c in v.changes], "config_hash": m.config_hash()}
        if v.name in reuse:
            why = reusable(Path(reuse[v.name]), m)
            if why:
                raise SystemExit(f"--reuse {v.name}={reuse[v.name]}: cannot stand for the variant: {why}")
            info |= {"run_dir": reuse[v.name], "reused": True}
        else:
            t = time.monotonic()
            rec = run_pipeline(m, spark=spark)
            info |= {"run_dir": m.output, "reused": False, "run_seconds": round(time.monotonic() - t, 1),
                     "run_id": rec["run_id"]}
        runs[v.name] = info
        print(f"variant {v.name}: {'reused ' + info['run_dir'] if info['reused'] else 'ran'} "
              f"(config {info['config_hash'][:12]})", flush=True)

    docs: dict[str, list[dict[str, Any]]] = {}
    for v in variants:
        rows = curated(Path(runs[v.name]["run_dir"])).to_pylist()
        docs[v.name] = [r for r in rows if not overlap.hits(r["text"])]
        runs[v.name]["removed_for_eval"] = len(rows) - len(docs[v.name])
    model_path = train_tokenizer(pa.Table.from_pylist(docs["raw"]), args.vocab, base.seed, work / "tokenizer")
    sp = processor(str(model_path))
    bundle = work / "bundle"
    meta = {"base": {"manifest": str(args.base), "config_hash": base.config_hash(), "seed": base.seed},
            "input": made or {"manifest": str(args.base)}, "variants": runs,
            "curated_stages": [s for s in base.stages if s not in NOT_RUN and s not in RAW],
            "eval": {g: {"documents": len(d), "sha256": hashlib.sha256("\n".join(i for i, _ in d).encode())
                         .hexdigest()[:16]} for g, d in evals.items()},
            "tokenizer": {"trained_on": "raw", "sha256": hashlib.sha256(model_path.read_bytes()).hexdigest()[:16]}}
    write(bundle, docs, sp.encode, SPECIAL_IDS[EOS], sp.get_piece_size(),
          {g: [(sp.encode(t), len(t.encode("utf-8"))) for _, t in d] for g, d in evals.items()}, model_path, meta,
          base.seed)
    return bundle


def train_all(bundle_dir: Path, args: argparse.Namespace) -> dict[str, Any]:
    """Train the model on every variant of a bundle, once per seed, and score the held-out text; the
    result (also printed, and written with ``--json`` and ``--card``)."""
    from benchmarks.ablation_bundle import Bundle
    from benchmarks.ablation_lm import ModelSpec, TinyLM, TrainSpec, bits_per_byte, train
    from tokenizer.torch_dataset import TokenWindows

    t0 = time.monotonic()
    b = Bundle.open(bundle_dir)
    names = list(b.meta["variants"])
    genres = b.meta["genres"]
    cols = [*genres, "all"]
    evals = b.evals()
    vocab, eos = b.meta["vocab"], b.meta["eos"]
    model = ModelSpec(d_model=args.d_model, n_layer=args.layers, n_head=args.heads, seq_len=args.seq_len)
    spec = TrainSpec(steps=args.steps, batch=args.batch, lr=args.lr, threads=args.threads)
    seeds = list(range(args.seed, args.seed + args.seeds))
    results: dict[str, dict[int, dict[str, float]]] = {n: {} for n in names}
    curves: dict[str, dict[int, list[float]]] = {n: {} for n in names}
    train_seconds: list[float] = []
    shards = {}
    for seed in seeds:
        for n in names:
            shards[n, seed] = b.materialize(n, Path(args.work) / "tokens" / n / f"seed-{seed}", seed)
            t = time.monotonic()
            lm, losses = train(TokenWindows(str(shards[n, seed]), "train", model.seq_len, seed), vocab, model, spec,
                               seed, args.device)
            train_seconds.append(time.monotonic() - t)
            per = {g: bits_per_byte(lm, evals[g], eos) for g in genres}
            per["all"] = (sum(per[g] * sum(x for _, x in evals[g]) for g in genres)
                          / sum(x for g in genres for _, x in evals[g]))
            results[n][seed] = per
            curves[n][seed] = [round(x, PRECISION) for x in losses]
            print(f"  {n} seed {seed}: loss {losses[0]:.3f} -> {losses[-1]:.3f}, held-out {per['all']:.4f} bits/byte "
                  f"({train_seconds[-1]:.1f} s)", flush=True)

    determinism = None
    if args.check_determinism:
        _, again = train(TokenWindows(str(shards[names[0], seeds[0]]), "train", model.seq_len, seeds[0]), vocab,
                         model, spec, seeds[0], args.device)
        same = [round(x, PRECISION) for x in again] == curves[names[0]][seeds[0]]
        determinism = {"variant": names[0], "seed": seeds[0], "steps": len(again), "identical": same}

    means = {n: {g: statistics.fmean(r[s][g] for s in seeds) for g in cols} for n, r in results.items()}
    spread = {n: {g: (statistics.stdev(r[s][g] for s in seeds) if len(seeds) > 1 else None) for g in cols}
              for n, r in results.items()}
    tokens_trained = spec.steps * spec.batch * model.seq_len
    result = {
        **{k: b.meta[k] for k in ("base", "input", "tokenizer")},
        "bundle": {"path": str(bundle_dir), "mb": round(b.size_bytes() / 1e6, 2)},
        "variants": {n: {**b.meta["variants"][n], "epochs": tokens_trained / max(1, b.meta["variants"][n]
                                                                                 ["tokens_available"]),
                         "bpb": {str(s): results[n][s] for s in seeds}, "bpb_mean": means[n], "bpb_sd": spread[n],
                         "loss_curves": {str(s): curves[n][s] for s in seeds}} for n in names},
        "eval": {g: {**b.meta["eval"][g], "bytes": sum(x for _, x in evals[g]),
                     "tokens": int(sum(len(i) for i, _ in evals[g]))} for g in genres},
        "model": dataclasses.asdict(model), "train": dataclasses.asdict(spec), "seeds": seeds,
        "tokens_trained": tokens_trained, "parameters": TinyLM(vocab, model).parameters_count(),
        "paired": paired(results, cols),
        "credit": credit(means, b.meta["curated_stages"], cols),
        "determinism": determinism,
        "seconds": {"train_all": round(time.monotonic() - t0, 1),
                    "train_median": round(statistics.median(train_seconds), 1)},
        "torch": _torch_version(), "threads": spec.threads, "device": args.device,
    }
    result["tokenizer"]["vocab"] = vocab
    print(report(result))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    if args.card:
        dest = Path(args.card) / "reports" / "ablation.json"
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
        print(f"written to the data card of {args.card}: kocurate report {args.card}")
    if determinism and not determinism["identical"]:
        raise SystemExit("determinism: the same seed gave a different loss curve")
    return result


def run(args: argparse.Namespace, spark: Any = None) -> dict[str, Any]:
    """Prepare the bundle (or take ``--from-bundle``'s) and train on it (unless ``--bundle-only``).
    ``spark``: a session to run the variants on (the tests'); else kocurate builds one."""
    if args.from_bundle:
        return train_all(Path(args.from_bundle), args)
    if not CORPORA.is_dir():
        print(f"skipped: the corpora folder {CORPORA} is absent (set KOCURATE_CORPORA to point at it); "
              "the held-out text comes from it")
        return {}
    t0 = time.monotonic()
    bundle = prepare(args, spark)
    print(f"bundle: {bundle} ({sum(p.stat().st_size for p in bundle.rglob('*') if p.is_file()) / 1e6:.1f} MB), "
          f"prepared in {time.monotonic() - t0:.0f} s", flush=True)
    if args.bundle_only:
        return {"bundle": str(bundle)}
    return train_all(bundle, args)


def _torch_version() -> str:
    import torch

    return str(torch.__version__)


def report(r: dict[str, Any]) -> str:
    """The tables the script prints (and the data card shows)."""
    genres = [*GENRES, "all"]
    v = r["variants"]
    n_seeds = len(r["seeds"])
    lines = [f"model: {r['parameters']:,} parameters ({r['model']['n_layer']} layers, d {r['model']['d_model']}, "
             f"context {r['model']['seq_len']}); {r['tokens_trained']:,} tokens trained per variant and seed; "
             f"seeds {', '.join(map(str, r['seeds']))}; tokenizer {r['tokenizer']['vocab']:,} pieces from the raw "
             f"text; torch {r['torch']}, {r['threads']} threads", ""]
    rows = [["variant", "config", "docs", "tokens", "epochs", "held-out removed",
             *[f"{g} bpb" for g in genres]]]
    for name, x in v.items():
        rows.append([name, x["config_hash"][:12], f"{x['documents']:,}", f"{x['tokens_available']:,}",
                     f"{x['epochs']:.2f}", str(x["removed_for_eval"]),
                     *[_f(x["bpb_mean"][g]) + ("" if n_seeds < 2 else f" ±{_f(x['bpb_sd'][g], 3)}")
                       for g in genres]])
    lines += ["held-out bits per UTF-8 byte (mean ± standard deviation over seeds)", table(rows), ""]
    rows = [["variant", *[f"{g} Δ" for g in genres], "σ (all)"]]
    for name, by_genre in r["paired"].items():
        rows.append([name, *[_f(by_genre[g]["mean"]) for g in genres], _f(by_genre["all"]["sigmas"], 1)])
    if len(rows) > 1:
        lines += ["paired difference from raw, variant minus raw (negative: the variant predicts held-out text "
                  "better); σ: |mean| in standard deviations of the paired differences", table(rows), ""]
    for scheme, label in (("added_in_turn", "added in turn"), ("left_out", "left out")):
        c = r["credit"][scheme]
        if c:
            rows = [["stage", *[f"{g}" for g in genres]]] + [[s, *[_f(x[g]) for g in genres]] for s, x in c.items()]
            lines += [f"stage credit, {label} (bits per byte saved; positive: the stage helps)", table(rows), ""]
        else:
            lines += [f"stage credit, {label}: its variants were not run", ""]
    domains = sorted({d for x in v.values() for d in x["mix"]})
    rows = [["variant", *domains]] + [[n, *[f"{x['mix'].get(d, 0) * 100:.1f}%" for d in domains]] for n, x in v.items()]
    lines += ["training mix: share of tokens per declared domain", table(rows)]
    d = r["determinism"]
    if d:
        lines += ["", f"determinism: {d['variant']} seed {d['seed']} trained twice: "
                      f"{'the same' if d['identical'] else 'a DIFFERENT'} loss curve over {d['steps']} steps, "
                      f"to {PRECISION} decimals"]
    lines.append(f"seconds: {r['seconds']['train_all']} to train and score every model, "
                 f"{r['seconds']['train_median']} to train one (median), on {r['device']}; "
                 f"bundle {r['bundle']['mb']} MB")
    return "\n".join(lines)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--base", type=Path, default=ROOT / "manifests" / "sample_run.toml", help="the base run manifest")
    ap.add_argument("--variants", default="raw,full", help="raw, full, add, loo, +STAGE, -STAGE (comma-separated)")
    ap.add_argument("--set", action="append", metavar="NAME:STAGE.KEY=VALUE", help="a variant with a changed parameter")
    ap.add_argument("--reuse", action="append", metavar="VARIANT=RUN_DIR", help="a finished run for a variant")
    ap.add_argument("--sources", help="only these sources of the base manifest (comma-separated)")
    ap.add_argument("--input", choices=("manifest", "web", "real"), default="manifest",
                    help="manifest: the base manifest's sources; web: the corpora mixed with the generated crawl; "
                    "real: the corpora alone (benchmarks/ablation_input.py; the base manifest is then written)")
    ap.add_argument("--real-mb", type=float, default=20.0, help="MB of corpora text in a web or real input")
    ap.add_argument("--web-mb", type=float, default=20.0, help="MB of generated crawl pages in a web input")
    ap.add_argument("--input-seed", type=int, default=1, help="the crawl's seed")
    ap.add_argument("--work", default=None, help="run directories, tokenizer and shards (default: a temporary folder)")
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--seed", type=int, default=0, help="the first seed")
    ap.add_argument("--steps", type=int, default=120)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--seq-len", type=int, default=128)
    ap.add_argument("--d-model", type=int, default=64)
    ap.add_argument("--layers", type=int, default=2)
    ap.add_argument("--heads", type=int, default=4)
    ap.add_argument("--threads", type=int, default=1, help="torch threads (part of the result: a CPU sum over "
                    "more threads rounds differently; one is fastest for the CPU scale's model)")
    ap.add_argument("--vocab", type=int, default=4000)
    ap.add_argument("--eval-kb", type=float, default=40, help="held-out text per genre (KB of UTF-8)")
    ap.add_argument("--eval-doc-chars", type=int, default=3000, help="a held-out document is cut to this")
    ap.add_argument("--check-determinism", action="store_true")
    ap.add_argument("--device", default="cpu", help="where the models train: cpu, or cuda on a GPU machine")
    ap.add_argument("--bundle-only", action="store_true", help="prepare the bundle (WORK/bundle) and stop: "
                    "for a GPU machine, which trains from it with --from-bundle")
    ap.add_argument("--from-bundle", help="train from a prepared bundle; no pipeline, no corpora needed")
    ap.add_argument("--json", help="write the result here")
    ap.add_argument("--card", help="a run directory whose data card shows the result")
    args = ap.parse_args(argv)
    if args.work is None:
        import tempfile

        args.work = tempfile.mkdtemp(prefix="kocurate-ablation-")
    return args


def main(argv: Sequence[str] | None = None) -> None:
    if not run(parse_args(argv)):
        sys.exit(0)


if __name__ == "__main__":
    main()
