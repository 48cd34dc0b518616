"""Whether a surname and two syllables read as a person's name where the rules' list of given-name syllables
cannot say (rules version 48).

The contextual name rules (a role, an honorific, a party's word or a sign-off beside the name, no label) took a
surname and two syllables from a list of 95, because without a label the syllables were the only evidence: 로 and 비
stayed out of the list since they read 오로지 and 경비원 in the corpora, so 문로운 and 배은비 were never found. Outside
the list, Kiwi decides: its dictionary holds common words and many people's names (김하늘, 백보람 as proper nouns), and
its unknown-word model reads a name it never met (곽덕희, 노다인) as one unknown noun, while a word with a surname's
syllable in front reads as known morphemes: one known word (오로지, 경비원, 전공자), a longer first word (경우 만, 선정
일, 부대 나), or a verb's or an adjective's stem (이롭 of 이로운). A name is one proper noun or one unknown word, or the
surname as its own first morpheme (선우 보람, 허 한결, and 김 + 롭 + 은 for 김로운: Kiwi reads 로운 as an ending, but
김롭다 is no adjective); never a word whose last syllable is a particle's.

This is no named-entity model: a name whose first word Kiwi reads longer than its surname (박지아 + ㄴ for 박지안,
양건 + 우 for 양건우) stays unread, as does 이로운, and an unknown compound in that place (위중증 환자) reads as a name;
``docs/pii.md`` has both measured.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from filters.kiwi_model import kiwi

#: Kiwi's tags that cannot be part of a given name: particles, endings, affixes, the copula.
_FUNCTION_TAGS: Final = ("J", "E", "X", "VCP", "VCN")
#: Particles' syllables that given names do not end in: a word with one of these last is a word and its particle
#: (조사의 양 당사자 in a statute, where Kiwi reads 조사의 as one proper noun).
_PARTICLE_SYLLABLES: Final = frozenset("의을를는에로와과")
#: A particle or a connective or final ending last: a phrase goes on, no name ends so.
_PHRASE_ENDS: Final = ("J", "EC", "EF")


@lru_cache(maxsize=1 << 16)
def reads_as_name(value: str, surname: str) -> bool:
    """True where Kiwi reads ``value`` (``surname`` then the given name, no space) as a person's name: one proper noun
    or one unknown word, or ``surname`` as its own first morpheme followed by content morphemes only."""
    if value[-1] in _PARTICLE_SYLLABLES:
        return False
    readings = [tokens for tokens, _ in kiwi(multi_words=False).analyze(value, top_n=3)]
    tokens = readings[0]
    if len(tokens) == 1:
        return tokens[0].tag == "NNP" or bool(tokens[0].oov)
    if tokens[0].form != surname:
        return False  # a longer first word (경우 + 만)
    if tokens[0].tag == "MM":
        # a determiner that is a surname too (현, 석, 전: current, three, former): a name where the rest is single
        # syllables (현 + 춘 + 자, 석 + 봉 + 수), a word where a word follows it (전 + 직원, 현 + 시점)
        return all(len(t.form) == 1 and t.tag.startswith("N") for t in tokens[1:])
    if not tokens[0].tag.startswith(("N", "IC")):
        return False  # a verb's stem (하 + 는지, 주 + 거나)
    if not any(t.tag.startswith(_FUNCTION_TAGS) for t in tokens[1:]):
        return True
    # The surname then a particle or a suffix (김 + 롭 + 은 for 김로운, 김 + 은 + 비 for 김은비): a name unless the word
    # goes on as a phrase does, a verb after the noun (위 + 로 + 하), a particle or a sentence's ending last (장 + 이나,
    # 차 + 나 + 래), or a verb or an adjective of Kiwi's dictionary starts the word in any of its three best readings
    # (이롭 of 이로운).
    if any(t.tag.startswith("V") for t in tokens[1:]) or tokens[-1].tag.startswith(_PHRASE_ENDS):
        return False
    return not any(t.tag.startswith("V") and t.start == 0 and len(t.form) > len(surname)
                   for reading in readings for t in reading)


@lru_cache(maxsize=1 << 16)
def starts_unknown(value: str) -> bool:
    """True where Kiwi's best reading of ``value`` starts with a word it does not know (제갈다 of 제갈다인)."""
    return bool(kiwi(multi_words=False).analyze(value, top_n=1)[0][0][0].oov)
