"""Korean PII detection: precision and recall per entity on synthetic identifiers planted into real
sentences, hard negatives left intact, and documents per second per core.

Documents are about 1 KB of real Korean sentences (KLUE NER dev, ../shared/corpora/pii/, entity tags
stripped). Into each, 0 to 3 identifiers with valid formats and checksums are planted, half of them
after a context phrase (연락처는 ..., 주민등록번호: ...), half bare; and 0 to 2 hard negatives
(statute article numbers, case numbers, dates, prices, part numbers, ISO numbers, model serials).
A planted identifier counts as found when a finding of the same entity overlaps it; a finding that
overlaps nothing planted is a false positive (the real sentences may hold PII-like strings of their
own, which then count against precision). A hard negative is intact when it survives redaction.

Usage: ``python -m benchmarks.pii [--docs 3000]``
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections import Counter

from benchmarks._common import CORPORA, require_corpora, table
from filters.pii import find, redact

STRUCTURED = ("KR_RRN", "PHONE_NUMBER", "EMAIL_ADDRESS", "CREDIT_CARD", "KR_BRN", "KR_CRN")


def sentences() -> list[str]:
    out = []
    for line in (CORPORA / "pii" / "klue_ner_dev.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("## klue-ner"):
            out.append(re.sub(r"<([^:<>]+):[A-Z]{2}>", r"\1", line.split("\t", 1)[1]))
    return out


def _rrn(rng: random.Random) -> str:
    y, m, d = rng.randint(40, 99), rng.randint(1, 12), rng.randint(1, 28)
    g = str(rng.choice((1, 2)))
    front, rest = f"{y:02d}{m:02d}{d:02d}", f"{rng.randint(0, 99999):05d}"
    s = sum(int(c) * w for c, w in zip(front + g + rest, [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5], strict=True))
    return f"{front}-{g}{rest}{(11 - s % 11) % 10}"


def _luhn(prefix: str, n: int, rng: random.Random) -> str:
    digits = prefix + "".join(str(rng.randint(0, 9)) for _ in range(n - len(prefix) - 1))
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return digits + str((10 - total % 10) % 10)


def _brn(rng: random.Random) -> str:
    d = [rng.randint(0, 9) for _ in range(9)]
    s = sum(x * w for x, w in zip(d, [1, 3, 7, 1, 3, 7, 1, 3, 5], strict=True)) + (d[8] * 5) // 10
    t = "".join(map(str, d))
    return f"{t[:3]}-{t[3:5]}-{t[5:]}{(10 - s % 10) % 10}"


def _crn(rng: random.Random) -> str:
    t = "".join(str(rng.randint(0, 9)) for _ in range(12))
    s = sum(int(c) * (1 if i % 2 == 0 else 2) for i, c in enumerate(t))
    return f"{t[:6]}-{t[6:]}{(10 - s % 10) % 10}"


def _phone(rng: random.Random) -> str:
    a, b = rng.randint(1000, 9999), rng.randint(1000, 9999)
    return rng.choice([f"010-{a}-{b}", f"010 {a} {b}", f"010{a}{b}", f"+82 10-{a}-{b}",
                       f"02-{a % 900 + 100}-{b}", f"031-{a}-{b}", f"010.{a}.{b}"])


def identifier(entity: str, rng: random.Random) -> str:
    if entity == "KR_RRN":
        return _rrn(rng)
    if entity == "PHONE_NUMBER":
        return _phone(rng)
    if entity == "EMAIL_ADDRESS":
        return f"{rng.choice(['kim', 'lee.j', 'park_99', 'choi.min'])}{rng.randint(1, 999)}@" \
               f"{rng.choice(['example.com', 'mail.example.kr', 'test.co.kr'])}"
    if entity == "CREDIT_CARD":
        n = _luhn(rng.choice(["4", "51", "37"]), 16, rng)
        return rng.choice([n, f"{n[:4]}-{n[4:8]}-{n[8:12]}-{n[12:]}", f"{n[:4]} {n[4:8]} {n[8:12]} {n[12:]}"])
    if entity == "KR_BRN":
        return _brn(rng)
    if entity == "KR_CRN":
        return _crn(rng)
    if entity == "KR_BANK_ACCOUNT":
        return f"{rng.randint(100000, 999999)}-{rng.randint(10, 99)}-{rng.randint(100000, 999999)}"
    raise ValueError(entity)


CONTEXT = {"KR_RRN": "주민등록번호: ", "PHONE_NUMBER": "연락처는 ", "EMAIL_ADDRESS": "이메일 ",
           "CREDIT_CARD": "카드번호 ", "KR_BRN": "사업자등록번호 ", "KR_CRN": "법인등록번호 ",
           "KR_BANK_ACCOUNT": "국민은행 "}
NEGATIVES = ["제{a}조의{b}", "{y}다{n}", "{y}-{m:02d}-{d:02d}", "{p:,}원", "FLT-{n4}", "ISO {n4}:{y}",
             "모델 S/N 010-{n4}-{n4b}", "{y}가합{n}", "제{a}항 제{b}호"]


def build(n_docs: int, seed: int) -> list[tuple[str, list[tuple[str, int, int]], list[str]]]:
    rng = random.Random(seed)
    pool = sentences()
    docs = []
    for _ in range(n_docs):
        parts: list[str] = []
        planted: list[tuple[str, int, int]] = []
        negatives: list[str] = []
        while sum(len(x.encode()) for x in parts) < 850:  # about 1 KB of UTF-8 with what is planted
            parts.append(rng.choice(pool))
        inserts = []
        for _ in range(rng.randint(0, 3)):
            e = rng.choice((*STRUCTURED, "KR_BANK_ACCOUNT"))
            inserts.append(("pii", e, identifier(e, rng)))
        for _ in range(rng.randint(0, 2)):
            neg = rng.choice(NEGATIVES).format(a=rng.randint(1, 300), b=rng.randint(2, 9), y=rng.randint(2000, 2025),
                                               n=rng.randint(1000, 99999), m=rng.randint(1, 12), d=rng.randint(1, 28),
                                               p=rng.randint(1000, 990000), n4=rng.randint(1000, 9999),
                                               n4b=rng.randint(1000, 9999))
            inserts.append(("neg", "", neg))
        text = ""
        for i, part in enumerate(parts):
            text += part + " "
            if i < len(inserts):
                kind, e, value = inserts[i]
                if kind == "pii":
                    ctx = CONTEXT[e] if e == "KR_BANK_ACCOUNT" or rng.random() < 0.5 else ""
                    text += ctx
                    planted.append((e, len(text), len(text) + len(value)))
                    text += value + rng.choice(["입니다. ", "로 연락 주세요. ", " ", "(으)로 보냈다. "])
                else:
                    negatives.append(value)
                    text += f"관련 기록은 {value}에 따른다. "
        docs.append((text, planted, negatives))
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=20261122)
    args = ap.parse_args()
    require_corpora()
    docs = build(args.docs, args.seed)
    find("준비: 연락처 010-0000-0000, 메일 a@example.com")  # load the analyzer before the clock starts
    tp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    intact = total_neg = 0
    t0 = time.perf_counter()
    results = [find(text) for text, _, _ in docs]
    seconds = time.perf_counter() - t0
    for (text, planted, negatives), found in zip(docs, results, strict=True):
        used = set()
        for e, s, t in planted:
            hit = next((i for i, f in enumerate(found) if f.entity == e and f.start < t and s < f.end), None)
            if hit is None:
                fn[e] += 1
            else:
                tp[e] += 1
                used.add(hit)
        for i, f in enumerate(found):
            if i not in used and not any(f.start < t and s < f.end for _, s, t in planted):
                fp[f.entity] += 1
        red = redact(text, found)
        for neg in negatives:
            total_neg += 1
            intact += neg in red
    rows = [["entity", "planted", "recall", "precision", "false positives"]]
    for e in sorted(set(tp) | set(fn) | set(fp)):
        p = tp[e] / (tp[e] + fp[e]) if tp[e] + fp[e] else 0.0
        r = tp[e] / (tp[e] + fn[e]) if tp[e] + fn[e] else 0.0
        rows.append([e, str(tp[e] + fn[e]), f"{r:.4f}", f"{p:.4f}", str(fp[e])])
    s_tp = sum(tp[e] for e in STRUCTURED)
    s_fn = sum(fn[e] for e in STRUCTURED)
    all_tp, all_fp = sum(tp.values()), sum(fp.values())
    kb = sum(len(t.encode()) for t, _, _ in docs) / len(docs) / 1000
    print(f"{len(docs)} documents of about {kb:.1f} KB (KLUE NER dev sentences with planted identifiers)\n")
    print(table(rows))
    print(f"\nstructured identifiers (RRN, phone, e-mail, card, business and corporate numbers): recall "
          f"{s_tp / max(s_tp + s_fn, 1):.4f} (goal 0.99); precision over all findings "
          f"{all_tp / max(all_tp + all_fp, 1):.4f} (goal 0.98)")
    print(f"hard negatives intact: {intact}/{total_neg} = {intact / max(total_neg, 1):.4f} (goal 0.98)")
    print(f"throughput: {len(docs) / seconds:,.0f} documents/s on one core (goal 1,000 for 1 KB documents)")


if __name__ == "__main__":
    main()
