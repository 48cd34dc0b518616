"""Source and run manifests: TOML files validated into frozen dataclasses before Spark starts.

Every error names the file, the key and the allowed values, and unknown keys are errors (a typo in a
threshold must not silently fall back to a default). Relative paths in a source manifest are
relative to that manifest's directory; paths with a URI scheme (``s3a://``, ``hdfs://``,
``file://``) are handed to Spark as they are.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from filters.language import LANGUAGES
from pipeline.chains import DEFAULT_CHAINS, PROVIDED
from pipeline.errors import ManifestError
from pipeline.ingest.decode import codec_for
from pipeline.ingest.formats import FORMATS

if TYPE_CHECKING:
    from pipeline.dedup_index import PriorRun

DOMAINS = ("web", "legal", "manufacturing", "cultural", "other")
#: A source's declared language: the language block's set, or source code.
SOURCE_LANGUAGES = (*LANGUAGES, "code")
FIELD_KEYS = ("text", "id", "title", "url", "date")
_NAME = re.compile(r"^[a-z0-9][a-z0-9_\-]{0,63}$")
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")


@dataclass(frozen=True)
class ParamSpec:
    type: type
    default: Any
    help: str
    choices: tuple[Any, ...] | None = None
    minimum: float | None = None
    maximum: float | None = None


#: Stages implemented so far, in their default order, with their manifest parameters.
STAGE_PARAMS: dict[str, dict[str, ParamSpec]] = {
    "ingest": {
        "max_error_rate": ParamSpec(float, 0.05, "fail the run when quarantined/input records exceeds this",
                                    minimum=0.0, maximum=1.0),
        "max_doc_bytes": ParamSpec(int, 8_000_000, "quarantine documents larger than this (UTF-8 bytes)",
                                   minimum=1),
        "allowed_licences": ParamSpec(list, [], "licence identifiers accepted (empty: any not denied)"),
        "denied_licences": ParamSpec(list, [], "licence identifiers whose documents are dropped at ingest"),
        "deny_share_alike": ParamSpec(bool, False, "drop documents under share-alike licences (CC BY-SA, GPL, ...)"),
        "deny_non_commercial": ParamSpec(bool, False, "drop documents under non-commercial licences (CC BY-NC, ...)"),
    },
    "normalize": {},
    "exact_dedup": {},
    "templates": {
        "sources": ParamSpec(list, [], "sources whose pages are site pages: their lines are counted per site "
                             "(registered domain) and the template lines removed; others pass unchanged"),
        "min_pages": ParamSpec(int, 4, "a template line stands on at least this many pages of its site", minimum=2),
        "min_page_share": ParamSpec(float, 0.02, "... and on at least this share of the site's pages",
                                    minimum=0.0, maximum=1.0),
        "min_site_pages": ParamSpec(int, 8, "sites with fewer pages are not judged", minimum=2),
        "spam_site_share": ParamSpec(float, 0.3, "a site whose pages the chain's URL and spam blocks drop at this "
                                     "share is a spam site: its other pages are dropped too (1.0: never)",
                                     minimum=0.0, maximum=1.0),
        "min_spam_pages": ParamSpec(int, 3, "... when they drop at least this many of its pages", minimum=1),
    },
    "quality": {
        "quality_model": ParamSpec(str, "", "'' for none, 'train' to train one in the run from "
                                   "high_sources/low_sources, or the path of a model from "
                                   "`kocurate train quality`"),
        "high_sources": ParamSpec(list, [], "sources whose documents are high-quality examples"),
        "low_sources": ParamSpec(list, [], "sources whose documents are low-quality examples"),
        "low_from_filters": ParamSpec(bool, True, "documents the heuristic filters drop are low-quality "
                                      "examples too"),
        "max_training_docs": ParamSpec(int, 50_000, "per label, deterministic sample", minimum=10),
    },
    "fuzzy_dedup": {
        "shingle": ParamSpec(str, "char", "shingle unit (see benchmarks/near_dup.py)",
                             choices=("char", "eojeol", "morph")),
        "ngram": ParamSpec(int, 0, "shingle length in units; 0: the unit's default (char 2, eojeol 1, morph 3)",
                           minimum=0, maximum=32),
        "threshold": ParamSpec(float, 0.5, "target Jaccard similarity of near duplicates (0.5 on char 2-grams "
                               "wins benchmarks/near_dup.py)", minimum=0.05, maximum=1.0),
        "num_perm": ParamSpec(int, 128, "permutation budget; bands x rows derive from it and the threshold",
                              minimum=2, maximum=1024),
        "lsh_fp_weight": ParamSpec(float, 0.1, "weight of false candidates against misses when bands and rows are "
                                   "chosen (candidates are verified afterwards)", minimum=0.01, maximum=0.99),
        "verify": ParamSpec(str, "signature", "check candidates: estimated Jaccard from the signatures, exact "
                            "Jaccard of the shingle sets, or none", choices=("signature", "exact", "none")),
        "max_rounds": ParamSpec(int, 40, "connected-components rounds before the stage fails", minimum=1),
        "driver_components_max_edges": ParamSpec(int, 1_000_000, "the most edges the driver computes connected "
                                                 "components of, in numpy: the verified graph when it is that "
                                                 "small (no Spark rounds), else the graph Spark's rounds "
                                                 "contracted to that size; 0: always in Spark", minimum=0),
    },
    "pii": {
        "key_env": ParamSpec(str, "KOCURATE_PII_KEY", "environment variable holding the keyed-hash key"),
        "key_file": ParamSpec(str, "~/.config/kocurate/pii.key", "key file used when the variable is unset "
                              "(created with a random key on first use; must be outside the run directory)"),
    },
    "decontam": {
        "eval_sets": ParamSpec(list, [], "evaluation sets: tables of name, path, format (json, jsonl, tsv, csv), "
                               "text_fields, id_field"),
        "ngram": ParamSpec(int, 12, "character n-gram length over letters and digits (benchmarks/decontam.py)",
                           minimum=5, maximum=64),
        "max_items_per_gram": ParamSpec(int, 20, "n-grams shared by more items (templates) are not indexed",
                                        minimum=1),
    },
    "domains": {
        "labels": ParamSpec(list, ["web", "legal", "manufacturing", "cultural", "other"], "the label set; every "
                            "source's declared domain must be in it"),
        "domain_model": ParamSpec(str, "train", "'train' to train the model in the run, or the path of a model from "
                                  "`kocurate train domain`"),
        "labelled_examples": ParamSpec(list, [], "JSONL files of {\"text\", \"labels\"} added to the weak labels"),
        "max_training_docs": ParamSpec(int, 20_000, "per declared domain, deterministic sample", minimum=10),
        "weak_label_exclude": ParamSpec(list, [], "sources whose declared domain is not a training label (a mixed "
                                        "crawl declared 'web' holds every domain); they are still labelled"),
    },
    "export": {
        "target_shard_mb": ParamSpec(float, 128.0, "target size of a curated Parquet shard (text MB)",
                                     minimum=0.001),
    },
    "tokenizer": {
        "model": ParamSpec(str, "train", "'train' to train SentencePiece in the run, or the path of a .model "
                           "(with its .meta.json) from `kocurate tokenizer train` or an earlier run"),
        "model_type": ParamSpec(str, "bpe", "SentencePiece algorithm (benchmarks/tokenizer.py: BPE gives fewer "
                                "tokens per eojeol than unigram at equal vocabulary)", choices=("bpe", "unigram")),
        "vocab_size": ParamSpec(int, 160_000, "pieces, including specials, placeholders and 256 byte pieces (fewer "
                                "when the sample cannot support them; docs/tokenizer.md: 160k meets the English "
                                "and code goals and 1.79 Korean tokens per eojeol)", minimum=300, maximum=262_144),
        "character_coverage": ParamSpec(float, 1.0, "share of characters covered by pieces; the rarest go to byte "
                                        "fallback (1.0: byte fallback on Korean prose 0.87% -> 0.12%)",
                                        minimum=0.9, maximum=1.0),
        "max_piece_length": ParamSpec(int, 16, "longest piece in characters", minimum=2, maximum=64),
        "split_digits": ParamSpec(bool, True, "every digit its own piece (no number is ever learned)"),
        "morpheme_hints": ParamSpec(bool, False, "pieces never cross Kiwi's morpheme boundaries in training "
                                    "(about 27% more tokens; see docs/tokenizer.md)"),
        "num_threads": ParamSpec(int, 2, "SentencePiece trainer threads (part of the result)", minimum=1,
                                 maximum=64),
        "domain_weights": ParamSpec(dict, {}, "share of the Korean sample per domain, relative (unlisted: 1)"),
        "max_sample_mb": ParamSpec(float, 1024.0, "sampled text the trainer holds in memory (MB of UTF-8)",
                                   minimum=0.001),
        "language_shares": ParamSpec(dict, {}, "the sample's UTF-8 bytes per document language, relative ({ ko = "
                                     "0.7, en = 0.2, code = 0.1 }: docs/tokenizer.md); Korean is drawn as without "
                                     "shares and the others are sized from it; languages not listed are left out; "
                                     "empty: every curated document"),
    },
    "tokens": {
        "model": ParamSpec(str, "", "'' for the tokenizer stage's model, or the path of a .model, or of a "
                           "tokenizer.json (or its directory; `kocurate tokenizer extend` writes one)"),
        "valid_fraction": ParamSpec(float, 0.005, "documents held out as the validation split", minimum=0.0,
                                    maximum=0.5),
        "domain_weights": ParamSpec(dict, {}, "copies of a training document per domain (fractions drawn by "
                                    "a keyed hash; 0 leaves the domain out; unlisted: 1)"),
        "cluster_exponent": ParamSpec(float, 0.0, "upsample by near-duplicate cluster size: copies times "
                                      "min(max_copies, size ** exponent); 0 turns it off", minimum=0.0,
                                      maximum=2.0),
        "max_copies": ParamSpec(float, 4.0, "cap of the cluster-size factor", minimum=1.0),
        "shard_size_mb": ParamSpec(float, 256.0, "target size of a .bin shard (MB)", minimum=0.0001),
    },
}
DEFAULT_ORDER = tuple(STAGE_PARAMS)
#: Stages a manifest without an ``order`` runs only when it has their table (``[stages.templates]``).
OPT_IN_STAGES = ("templates",)
#: Global stages whose parameters a source may set for itself (``[stages.<stage>.per_source.<source>]``):
#: a source with its own fuzzy-dedup settings is deduplicated among the sources sharing them.
PER_SOURCE_PARAMS: dict[str, tuple[str, ...]] = {
    "fuzzy_dedup": ("shingle", "ngram", "threshold", "num_perm", "lsh_fp_weight", "verify"),
}
#: ... and per document language (``[stages.<stage>.per_language.<language>]``), with these defaults:
#: character 2-grams tell Korean documents apart (11,172 syllables), but two long English or code
#: documents share most of their Latin character pairs, so without words a run keeping English dropped
#: 96% of it as near duplicates (docs/fuzzy_dedup.md). Words for space-separated scripts; Thai, which
#: writes no spaces, longer character n-grams; Japanese and Chinese keep the stage's settings.
PER_LANGUAGE_DEFAULTS: dict[str, dict[str, dict[str, Any]]] = {
    "fuzzy_dedup": {**{lang: {"shingle": "eojeol", "ngram": 5} for lang in ("en", "vi", "ru", "id", "es", "fr", "de",
                                                                             "code")},
                    "th": {"shingle": "char", "ngram": 5}},
}


@dataclass(frozen=True)
class Source:
    name: str
    domain: str
    paths: tuple[str, ...]
    format: str
    licence: str
    origin: str
    fields: Mapping[str, str] = field(default_factory=lambda: {"text": "text"})
    priority: int = 0
    encoding: str = "auto"
    record_split: str = "file"
    csv_quoting: str = "minimal"
    #: Further record fields kept in the documents' ``meta`` column: meta name -> field (dotted path).
    meta: Mapping[str, str] = field(default_factory=dict)
    #: The declared language of the documents (``code`` for source code), until a language block finds one.
    language: str = "ko"


@dataclass(frozen=True)
class SparkSettings:
    master: str = "local[*]"
    shuffle_partitions: int = 8
    driver_memory: str = "2g"
    executor_memory: str | None = None
    conf: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RunManifest:
    path: str
    name: str
    sources_manifest: str
    sources: tuple[Source, ...]
    output: str
    seed: int
    stages: tuple[str, ...]
    params: Mapping[str, Mapping[str, Any]]
    spark: SparkSettings
    #: Modules of blocks from outside kocurate (import paths, entry points): shipped to the executors.
    plugins: tuple[str, ...] = ()
    #: Earlier runs' directories, as the manifest names them (resolved), and the runs read from their
    #: dedup indexes (``pipeline.dedup_index``): those named and, transitively, the runs they were checked
    #: against. Remote directories are read when Spark is up (``resolve_prior_runs``).
    prior_run_paths: tuple[str, ...] = ()
    prior_runs: tuple[PriorRun, ...] = ()

    def resolved(self) -> dict[str, Any]:
        """A JSON-able, path-independent view used for run.json and the config hash."""
        data = asdict(self)
        data.pop("path")
        data.pop("output")
        data.pop("sources_manifest")
        data.pop("prior_run_paths")
        data["prior_runs"] = [p.run_id for p in self.prior_runs]  # where they are must not matter
        data["spark"].pop("master")  # where it runs must not change what it computes
        return data

    def config_hash(self) -> str:
        blob = json.dumps(self.resolved(), sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()


# ----------------------------------------------------------------------------- validation helpers


class _Table:
    """A TOML table with the file and key path, for precise error messages."""

    def __init__(self, file: str, prefix: str, data: Any) -> None:
        if not isinstance(data, dict):
            raise ManifestError(f"{file}: key '{prefix}': expected a table, got {type(data).__name__}")
        self.file, self.prefix, self.data = file, prefix, data

    def key(self, name: str) -> str:
        return f"{self.prefix}.{name}" if self.prefix else name

    def fail(self, name: str, problem: str) -> ManifestError:
        return ManifestError(f"{self.file}: key '{self.key(name)}': {problem}")

    def check_keys(self, allowed: tuple[str, ...] | list[str]) -> None:
        for k in self.data:
            if k not in allowed:
                raise self.fail(k, f"unknown key; allowed: {', '.join(allowed)}")

    def get(self, name: str, kind: type, default: Any = ..., choices: tuple[Any, ...] | None = None) -> Any:
        if name not in self.data:
            if default is ...:
                raise self.fail(name, "is required")
            return default
        value = self.data[name]
        ok = isinstance(value, kind) and not (kind in (int, float) and isinstance(value, bool))
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value, ok = float(value), True
        if not ok:
            raise self.fail(name, f"expected {kind.__name__}, got {type(value).__name__} {value!r}")
        if choices is not None and value not in choices:
            raise self.fail(name, f"invalid value {value!r}; allowed: {', '.join(map(str, choices))}")
        return value

    def sub(self, name: str, default: Any = ...) -> _Table:
        if name not in self.data and default is not ...:
            return _Table(self.file, self.key(name), default)
        return _Table(self.file, self.key(name), self.get(name, dict, default))


def _load_toml(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise ManifestError(f"{path}: manifest file not found")
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ManifestError(f"{path}: not valid TOML: {exc}") from exc


def _resolve_path(base: Path, p: str) -> str:
    if _URI.match(p):
        return p
    return str((base / os.path.expanduser(p)).resolve()) if not os.path.isabs(p) else os.path.normpath(p)


def load_sources(path: str | os.PathLike[str]) -> tuple[Source, ...]:
    file = Path(path)
    top = _Table(str(file), "", _load_toml(file))
    top.check_keys(["source"])
    entries = top.get("source", list)
    if not entries:
        raise top.fail("source", "at least one [[source]] is required")
    sources: list[Source] = []
    seen: set[str] = set()
    for i, raw in enumerate(entries):
        t = _Table(str(file), f"source[{i}]", raw)
        t.check_keys(["name", "domain", "paths", "format", "fields", "licence", "origin", "priority",
                      "encoding", "record_split", "csv_quoting", "language"])
        name = t.get("name", str)
        if not _NAME.match(name):
            raise t.fail("name", f"invalid value {name!r}; allowed: lowercase letters, digits, '_' and '-'")
        if name in seen:
            raise t.fail("name", f"duplicate source name {name!r}")
        seen.add(name)
        paths = t.get("paths", list)
        if not paths or not all(isinstance(p, str) and p for p in paths):
            raise t.fail("paths", "expected a non-empty list of path globs or URIs")
        fields_t = t.sub("fields", {"text": "text"})
        fields_t.check_keys([*FIELD_KEYS, "meta"])
        fields = {k: fields_t.get(k, str) for k in fields_t.data if k != "meta"}
        fields.setdefault("text", "text")
        meta_t = fields_t.sub("meta", {})
        meta = {k: meta_t.get(k, str) for k in sorted(meta_t.data)}
        for k in meta:
            if not _NAME.match(k):
                raise meta_t.fail(k, "invalid meta name; allowed: lowercase letters, digits, '_' and '-'")
        if meta and t.get("format", str, choices=FORMATS) not in ("jsonl", "parquet", "csv", "tsv"):
            raise fields_t.fail("meta", "only record formats (jsonl, parquet, csv, tsv) have further fields")
        encoding = t.get("encoding", str, "auto")
        if encoding != "auto" and codec_for(encoding) is None:
            raise t.fail("encoding", f"unknown encoding {encoding!r}; allowed: auto, utf-8, cp949, euc-kr, "
                                     "utf-16 or any Python codec name")
        fmt = t.get("format", str, choices=FORMATS)
        sources.append(Source(
            name=name,
            domain=t.get("domain", str, choices=DOMAINS),
            paths=tuple(_resolve_path(file.parent, p) for p in paths),
            format=fmt,
            licence=t.get("licence", str),
            origin=t.get("origin", str),
            fields=fields,
            priority=t.get("priority", int, 0),
            encoding=encoding,
            record_split=t.get("record_split", str, "file", choices=("file", "line")),
            csv_quoting=t.get("csv_quoting", str, "none" if fmt == "tsv" else "minimal",
                              choices=("minimal", "none")),
            meta=meta,
            language=t.get("language", str, "ko", choices=SOURCE_LANGUAGES),
        ))
    return tuple(sources)


def _language_shares(t: _Table, key: str, shares: dict[str, Any]) -> dict[str, float]:
    for lang, share in shares.items():
        if lang not in SOURCE_LANGUAGES:
            raise t.sub(key, {}).fail(lang, f"unknown language; allowed: {', '.join(SOURCE_LANGUAGES)}")
        if isinstance(share, bool) or not isinstance(share, int | float) or share < 0:
            raise t.sub(key, {}).fail(lang, f"expected a share of 0 or more, got {share!r}")
    if shares and not shares.get("ko"):
        raise t.fail(key, "needs a share for 'ko' above 0: the other languages are sized from the Korean sample")
    return {k: float(v) for k, v in sorted(shares.items())}


def _stage_params(t: _Table, stage: str) -> dict[str, Any]:
    specs = STAGE_PARAMS[stage]
    sub = t.sub(stage, {})
    per_source_keys = PER_SOURCE_PARAMS.get(stage, ())
    if stage not in DEFAULT_CHAINS:  # a per-document stage's other keys are its chain's (_chain_params)
        sub.check_keys([*specs, *(["per_source", "per_language"] if per_source_keys else [])]
                       or ["(this stage takes no parameters)"])
    out = _param_values(sub, specs)
    if per_source_keys:
        per = sub.sub("per_source", {})
        out["per_source"] = {}
        for src in sorted(per.data):
            st = per.sub(src)
            st.check_keys(list(per_source_keys))
            own = _param_values(st, {k: specs[k] for k in st.data})
            out["per_source"][src] = {**{k: out[k] for k in per_source_keys}, **own}
        per = sub.sub("per_language", {})
        defaults = PER_LANGUAGE_DEFAULTS.get(stage, {})
        out["per_language"] = {}
        for lang in sorted({*defaults, *per.data}):
            if lang not in SOURCE_LANGUAGES:
                raise per.fail(lang, f"unknown language; allowed: {', '.join(SOURCE_LANGUAGES)}")
            st = per.sub(lang, {})
            st.check_keys(list(per_source_keys))
            own = _param_values(st, {k: specs[k] for k in st.data})
            out["per_language"][lang] = {**{k: out[k] for k in per_source_keys}, **defaults.get(lang, {}), **own}
    return out


def _param_values(sub: _Table, specs: Mapping[str, ParamSpec]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for pname, spec in specs.items():
        value = sub.get(pname, spec.type, spec.default, spec.choices)
        if spec.minimum is not None and value < spec.minimum:
            raise sub.fail(pname, f"{value!r} is below the minimum {spec.minimum}")
        if spec.maximum is not None and value > spec.maximum:
            raise sub.fail(pname, f"{value!r} is above the maximum {spec.maximum}")
        if spec.type is dict and pname == "domain_weights":
            bad = [k for k, v in value.items() if k not in DOMAINS or isinstance(v, bool)
                   or not isinstance(v, int | float) or v < 0]
            if bad:
                raise sub.fail(pname, f"expected domains ({', '.join(DOMAINS)}) with weights >= 0; bad: {bad}")
            value = {k: float(v) for k, v in sorted(value.items())}
        elif spec.type is dict and pname == "language_shares":
            value = _language_shares(sub, pname, value)
        elif spec.type is dict:
            if not all(isinstance(v, str) for v in value.values()):
                raise sub.fail(pname, "expected a table of strings")
            value = dict(sorted(value.items()))
        if spec.type is list and pname != "eval_sets":
            if not all(isinstance(x, str) for x in value):
                raise sub.fail(pname, "expected a list of strings")
            value = list(value)
        out[pname] = value
    return out


_PLACEHOLDER = "(set by the stage)"


def _chain_level(t: _Table, stage: str, chain_default: list[str], flat_base: dict[str, Any],
                 own_base: dict[str, dict[str, Any]], reserved: set[str], model: bool
                 ) -> tuple[list[str], dict[str, Any], dict[str, dict[str, Any]], dict[str, dict[str, Any]],
                            dict[str, str]]:
    """One level of a per-document stage's table (the stage's, or one source's under ``per_source``):
    its chain (registered names, entry points or import paths ``package.module:Class``), flat keys (a
    parameter of every block in the chain that has it) and block tables (under the block's name);
    returns the chain, the flat and per-block values for a lower level, every block's full values (by
    its chain entry) and the code identity of every block not shipped with kocurate."""
    from filters import quality_model
    from filters.blocks import registry
    from filters.blocks.chain import block_values
    from filters.blocks.params import ParamError, as_values, build, names

    chain = list(t.get("chain", list, chain_default))
    if stage == "quality" and model and quality_model.STEP not in chain:
        chain.append(quality_model.STEP)  # a configured model scores every document, as before chains
    classes = {}
    for ref in chain:
        if not isinstance(ref, str):
            raise t.fail("chain", f"expected block names or import paths, got {ref!r}")
        try:
            classes[ref] = registry.resolve(ref)
        except (KeyError, ValueError) as exc:
            raise t.fail("chain", str(exc.args[0])) from None
    by_name = {cls.name: ref for ref, cls in classes.items()}
    if len(set(chain)) != len(chain) or len(by_name) != len(chain):
        raise t.fail("chain", "a block is listed twice")
    if stage == "quality" and not model and quality_model.STEP in chain:
        raise t.fail("chain", f"{quality_model.STEP} needs a quality_model ('train' or a path)")
    accepted = {p: n for n, cls in reversed(classes.items()) for p in names(cls.Params)}
    flat, own = dict(flat_base), {n: dict(v) for n, v in own_base.items()}
    for k, v in t.data.items():
        if k in reserved or k in ("chain", "per_source"):
            continue
        if k in by_name:
            own.setdefault(k, {}).update(t.sub(k).data)
        elif k in accepted:
            flat[k] = v
        else:
            elsewhere = [n for n in registry.names() if k == n or k in names(registry.get(n).Params)]
            hint = f" ({'block' if k in elsewhere else 'a parameter of'} {', '.join(elsewhere)}, not in this " \
                   "chain)" if elsewhere else ""
            allowed = sorted({"chain", *reserved, *by_name, *accepted})
            raise t.fail(k, f"unknown key{hint}; allowed: {', '.join(allowed)}")
    provided = PROVIDED.get(stage, {})
    blocks: dict[str, dict[str, Any]] = {}
    code: dict[str, str] = {}
    for ref, cls in classes.items():
        name = cls.name
        mine = own.get(name, {})
        values = block_values(cls, flat, mine)
        values.update({k: _PLACEHOLDER for k in provided.get(name, ())})
        try:
            built = build(cls.Params, values)
        except ParamError as exc:
            head = exc.key.split(".", 1)[0].split("[", 1)[0]
            raise t.fail(f"{name}.{exc.key}" if head in mine or head not in flat else exc.key, exc.problem) \
                from None
        blocks[ref] = {k: v for k, v in as_values(built).items() if k not in provided.get(name, ())}
        if not registry.is_builtin(cls):
            code[ref] = registry.code_identity(cls)
    return chain, flat, own, blocks, code


def _chain_params(t: _Table, stage: str, out: dict[str, Any], sources: set[str]) -> None:
    """Add a per-document stage's ``chain``, ``blocks``, ``per_source`` and ``code`` (what identifies the
    code of blocks from outside kocurate: part of the fingerprint) to its parameters ``out``."""
    sub = t.sub(stage, {})
    reserved = set(STAGE_PARAMS[stage])
    model = bool(out.get("quality_model"))
    chain, flat, own, blocks, code = _chain_level(sub, stage, list(DEFAULT_CHAINS[stage]), {}, {}, reserved, model)
    out.update(chain=chain, blocks=blocks)
    per = sub.sub("per_source", {})
    per_source: dict[str, Any] = {}
    for src in sorted(per.data):
        if src not in sources:
            raise per.fail(src, f"unknown source; allowed: {', '.join(sorted(sources))}")
        st = per.sub(src)
        for k in st.data:
            if k in reserved or k == "per_source":
                raise st.fail(k, f"a parameter of the whole stage: set it in [stages.{stage}]")
        c, _, _, b, more = _chain_level(st, stage, chain, flat, own, set(), model)
        per_source[src] = {"chain": c, "blocks": b}
        code.update(more)
    if code:
        out["code"] = dict(sorted(code.items()))
    out["per_source"] = per_source


def _check_model_file(t: _Table, p: dict[str, Any], base: Path, hf: bool = False) -> None:
    """A named SentencePiece model (or, with ``hf``, a ``tokenizer.json`` or its directory): resolved
    against the manifest's directory; its hash joins the parameters, so a changed file reruns the stage on
    ``--resume``."""
    p["model"] = _resolve_path(base, p["model"])
    if hf and os.path.isdir(p["model"]) and os.path.isfile(os.path.join(p["model"], "tokenizer.json")):
        p["model"] = os.path.join(p["model"], "tokenizer.json")
    kinds = (".model", ".json") if hf else (".model",)
    if not p["model"].endswith(kinds) or not os.path.isfile(p["model"]):
        raise t.fail("model", f"{p['model']!r} is not a SentencePiece .model file"
                     + (" or a tokenizer.json" if hf else ""))
    with open(p["model"], "rb") as fh:
        p["model_sha256"] = hashlib.sha256(fh.read()).hexdigest()


def _check_quality(t: _Table, q: dict[str, Any], sources: set[str], base: Path) -> None:
    if q["quality_model"] not in ("", "train"):
        q["quality_model"] = _resolve_path(base, q["quality_model"])
        if not _URI.match(q["quality_model"]):
            if not os.path.isfile(q["quality_model"]):
                raise t.fail("quality_model", f"model file not found: {q['quality_model']} (train one with "
                                              "`kocurate train quality MANIFEST`, or use 'train')")
            # The file's content is part of the configuration: a retrained model at the same path
            # changes the stage fingerprint, so --resume reruns quality and what follows.
            with open(q["quality_model"], "rb") as fh:
                q["quality_model_sha256"] = hashlib.file_digest(fh, "sha256").hexdigest()
    for key in ("high_sources", "low_sources"):
        for s in q[key]:
            if s not in sources:
                raise t.fail(key, f"unknown source {s!r}; allowed: {', '.join(sorted(sources))}")
    both = sorted(set(q["high_sources"]) & set(q["low_sources"]))
    if both:  # its documents would be good and bad examples at once
        raise t.fail("low_sources", f"{', '.join(map(repr, both))} also in high_sources: a source's documents are "
                                    "either high- or low-quality examples")
    if q["quality_model"] == "train" and not (q["high_sources"] and (q["low_sources"] or q["low_from_filters"])):
        raise t.fail("quality_model", "'train' needs high_sources and low_sources (or low_from_filters = true)")


def _check_decontam(t: _Table, p: dict[str, Any], base: Path) -> None:
    from pipeline.eval_sets import FORMATS

    specs = []
    for i, raw in enumerate(p["eval_sets"]):
        e = _Table(t.file, t.key(f"eval_sets[{i}]"), raw)
        e.check_keys(["name", "path", "format", "text_fields", "id_field"])
        name = e.get("name", str)
        if not _NAME.match(name) or name in {x["name"] for x in specs}:
            raise e.fail("name", f"invalid or repeated name {name!r}")
        path = _resolve_path(base, e.get("path", str))
        if not os.path.isfile(path):
            raise e.fail("path", f"file not found: {path}")
        fields = e.get("text_fields", list)
        if not fields or not all(isinstance(f, str) for f in fields):
            raise e.fail("text_fields", "expected a non-empty list of field names")
        with open(path, "rb") as fh:
            digest = hashlib.file_digest(fh, "sha256").hexdigest()
        specs.append({"name": name, "path": path, "format": e.get("format", str, choices=FORMATS),
                      "text_fields": list(fields), "id_field": e.get("id_field", str, ""), "sha256": digest})
    p["eval_sets"] = specs  # none: the stage keeps every document and says so


def _check_domains(t: _Table, p: dict[str, Any], sources: tuple[Source, ...], base: Path) -> None:
    if not p["labels"] or len(set(p["labels"])) != len(p["labels"]):
        raise t.fail("labels", "expected a non-empty list of distinct labels")
    for s in sources:
        if s.domain not in p["labels"]:
            raise t.fail("labels", f"source {s.name!r} declares domain {s.domain!r}, which is not a label")
    for name in p["weak_label_exclude"]:
        if name not in {s.name for s in sources}:
            raise t.fail("weak_label_exclude", f"unknown source {name!r}")
    p["labelled_examples"] = [_resolve_path(base, x) for x in p["labelled_examples"]]
    digests = []
    for path in p["labelled_examples"]:
        if not os.path.isfile(path):
            raise t.fail("labelled_examples", f"file not found: {path}")
        with open(path, "rb") as fh:
            digests.append(hashlib.file_digest(fh, "sha256").hexdigest())
    if digests:
        p["labelled_examples_sha256"] = digests  # their content is configuration, like a model file's
    if p["domain_model"] != "train":
        p["domain_model"] = _resolve_path(base, p["domain_model"])
        if not os.path.isfile(p["domain_model"]):
            raise t.fail("domain_model", f"model file not found: {p['domain_model']} (train one with "
                                         "`kocurate train domain MANIFEST`, or use 'train')")
        with open(p["domain_model"], "rb") as fh:
            p["domain_model_sha256"] = hashlib.file_digest(fh, "sha256").hexdigest()


def load_run(path: str | os.PathLike[str], output: str | None = None, master: str | None = None
             ) -> RunManifest:
    """Load and validate a run manifest and the source manifest it names."""
    file = Path(path).resolve()
    top = _Table(str(file), "", _load_toml(file))
    top.check_keys(["name", "sources_manifest", "sources", "output", "seed", "stages", "spark", "prior_runs"])
    name = top.get("name", str)
    if not _NAME.match(name):
        raise top.fail("name", f"invalid value {name!r}; allowed: lowercase letters, digits, '_' and '-'")
    sources_file = _resolve_path(file.parent, top.get("sources_manifest", str))
    all_sources = load_sources(sources_file)
    by_name = {s.name: s for s in all_sources}
    selected = top.get("sources", list, ["*"])
    if selected == ["*"]:
        sources = all_sources
    else:
        for s in selected:
            if s not in by_name:
                raise top.fail("sources", f"unknown source {s!r}; allowed: *, {', '.join(by_name)}")
        sources = tuple(by_name[s] for s in selected)

    stages_t = top.sub("stages", {})
    stages_t.check_keys(["order", *STAGE_PARAMS])
    default = [s for s in DEFAULT_ORDER if s not in OPT_IN_STAGES or stages_t.get(s, dict, None) is not None]
    order = tuple(stages_t.get("order", list, default))
    for s in order:
        if s not in STAGE_PARAMS:
            raise stages_t.fail("order", f"unknown stage {s!r}; allowed: {', '.join(STAGE_PARAMS)}")
    if len(set(order)) != len(order):
        raise stages_t.fail("order", "a stage is listed twice")
    if list(order[:2]) != ["ingest", "normalize"]:
        raise stages_t.fail("order", "the order must start with 'ingest', 'normalize' (text is never left "
                                     "unnormalized)")
    positions = [DEFAULT_ORDER.index(s) for s in order]
    if positions != sorted(positions):
        moved = ("; PII runs after fuzzy dedup, on the documents that survive it (docs/throughput.md)"
                 if {"pii", "fuzzy_dedup"} <= set(order) and order.index("pii") < order.index("fuzzy_dedup") else "")
        raise stages_t.fail("order", f"stages out of order{moved}; the order is {' → '.join(DEFAULT_ORDER)}")
    if ("tokenizer" in order or "tokens" in order) and "export" not in order:
        raise stages_t.fail("order", "'tokenizer' and 'tokens' read the curated documents: list 'export' "
                                     "before them")
    params = {s: _stage_params(stages_t, s) for s in order}
    for s in order:
        if s in DEFAULT_CHAINS:
            _chain_params(stages_t, s, params[s], {src.name for src in sources})
        for src in params[s].get("per_source", {}) if s in PER_SOURCE_PARAMS else ():
            if src not in {x.name for x in sources}:
                raise stages_t.sub(s).sub("per_source").fail(src, "unknown source; allowed: "
                                                                  + ", ".join(x.name for x in sources))
    for src in params.get("templates", {}).get("sources", []):
        if src not in {x.name for x in sources}:
            raise stages_t.sub("templates").fail("sources", f"unknown source {src!r}; allowed: "
                                                 + ", ".join(x.name for x in sources))
    if "tokens" in params and not params["tokens"]["model"] and "tokenizer" not in order:
        raise stages_t.sub("tokens", {}).fail("model", "no model: list 'tokenizer' before 'tokens' or name a "
                                                       ".model file or a tokenizer.json")
    if "quality" in params:
        _check_quality(stages_t.sub("quality", {}), params["quality"], {s.name for s in sources}, file.parent)

    if "decontam" in params:
        _check_decontam(stages_t.sub("decontam", {}), params["decontam"], file.parent)
    if "domains" in params:
        _check_domains(stages_t.sub("domains", {}), params["domains"], sources, file.parent)
    for stage, unset in (("tokenizer", "train"), ("tokens", "")):
        if stage in params and params[stage]["model"] != unset:
            _check_model_file(stages_t.sub(stage, {}), params[stage], file.parent, hf=stage == "tokens")

    spark_t = top.sub("spark", {})
    spark_t.check_keys(["master", "shuffle_partitions", "driver_memory", "executor_memory", "conf"])
    conf_t = spark_t.sub("conf", {})
    conf: dict[str, str] = {}
    for k, v in conf_t.data.items():
        if not isinstance(v, str | int | float | bool):
            raise conf_t.fail(k, f"expected a string, number or boolean, got {type(v).__name__}")
        conf[k] = str(v).lower() if isinstance(v, bool) else str(v)
    spark = SparkSettings(
        master=master or spark_t.get("master", str, "local[*]"),
        shuffle_partitions=spark_t.get("shuffle_partitions", int, 8),
        driver_memory=spark_t.get("driver_memory", str, "2g"),
        executor_memory=spark_t.get("executor_memory", str, None),
        conf=conf,
    )
    if spark.shuffle_partitions < 1:
        raise spark_t.fail("shuffle_partitions", "must be at least 1")
    out = output or top.get("output", str, str(Path("runs") / name))
    out = out if _URI.match(out) else str(Path(out).resolve())
    if "pii" in params:
        from filters.pii import key_fingerprint
        from pipeline.pii_key import resolve_key

        # Only the fingerprint enters the configuration (and run.json): a changed key changes the
        # stage fingerprint, so --resume reruns the PII stage and what follows.
        key, _ = resolve_key(params["pii"]["key_env"], params["pii"]["key_file"], out)
        params["pii"]["key_fingerprint"] = key_fingerprint(key)
        # The detector's rules change what is found without a change of the stage's code path: their version
        # enters the configuration too, so --resume reruns PII (and what follows) after a detector change.
        from filters.pii_rules import RULES_VERSION

        params["pii"]["rules_version"] = RULES_VERSION
    named = top.get("prior_runs", list, [])
    if not all(isinstance(p, str) and p for p in named):
        raise top.fail("prior_runs", "expected a list of earlier runs' directories")
    prior_paths = tuple(_resolve_path(file.parent, p) for p in named)
    manifest = RunManifest(
        path=str(file), name=name, sources_manifest=sources_file, sources=sources, output=out,
        seed=top.get("seed", int), stages=order, params=params, spark=spark, plugins=_plugins(params),
        prior_run_paths=prior_paths,
    )
    if prior_paths and not any(_URI.match(p) for p in prior_paths):
        manifest = resolve_prior_runs(manifest)  # before Spark starts
    return manifest


def resolve_prior_runs(manifest: RunManifest, read_text: Any = None) -> RunManifest:
    """The manifest with its earlier runs read and checked (``pipeline.dedup_index.load_prior_runs``);
    their ids enter the dedup stages' parameters, so a changed list reruns those stages on ``--resume``."""
    from pipeline import dedup_index

    if not manifest.prior_run_paths:
        return manifest
    if not {"exact_dedup", "fuzzy_dedup"} & set(manifest.stages):
        raise ManifestError(f"{manifest.path}: prior_runs: the order has no exact_dedup or fuzzy_dedup stage "
                            "to deduplicate against earlier runs")
    settings = dedup_index.index_settings(manifest.seed, manifest.stages, manifest.params)
    kwargs = {"read_text": read_text} if read_text else {}
    prior = dedup_index.load_prior_runs(manifest.prior_run_paths, settings, manifest.output, **kwargs)
    params = {s: dict(p) for s, p in manifest.params.items()}
    for stage in ("exact_dedup", "fuzzy_dedup"):
        if stage in params:
            params[stage]["prior_runs"] = [p.run_id for p in prior if stage in p.stages]
    return replace(manifest, prior_runs=prior, params=params)


def _plugins(params: Mapping[str, Mapping[str, Any]]) -> tuple[str, ...]:
    """Top-level modules of the run's blocks that kocurate does not ship (datatrove is a dependency)."""
    from filters.blocks import registry

    tops = set()
    for p in params.values():
        for ref in p.get("code", {}):
            top = registry.resolve(ref).__module__.split(".")[0]
            if top not in ("filters", "pipeline", "tokenizer", "datatrove"):
                tops.add(top)
    return tuple(sorted(tops))
