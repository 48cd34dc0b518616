"""Planted-PII documents composed with ``hypothesis`` strategies, in a tuning and a held-out half.

The detector was once measured only on the writings its author planted (recall 0.998); a generator
nobody tuned on found 0.72. This module composes, instead of listing templates: an identifier of
each type the PII stage claims (valid checksums where the type has one), a writing (separators,
full-width and long dashes, Korean digit words, a line break inside, e-mail obfuscations), a
container (parentheses, quotes, tables, JSON, URLs), a particle, a label before, after or absent,
and a genre of surrounding text (informal and formal). Every family is split into two halves:
``TUNING`` is what the detector may be tuned on; ``HELDOUT`` is only reported
(``benchmarks/pii.py``), never tuned on. Hard negatives come from the same composition.

A held-out half is held out only until its failures are read. The first held-out half (stop 25: spaced
and long dashes, Korean digit words with 영, brackets, HTML tables, URL queries, comments, chat, court
decisions, invoices, and its labels and particles) was reported, its failures read (docs/pii.md), and it
was then moved into the tuning half (stop 28). The second (stop 28: minus signs, middle dots, slashes,
tabs, e-mail words, CSV rows, XML tags, text messages, notices, forms) went the same way at stop 29
(``_rotate``), and the third (stop 29: no-break and ideographic spaces, commas, underscores, digit words
mixed with digits, 닷컴, SQL, log lines, HTML attributes, YAML, tickets, listings, medical forms) at stop
31, and so did the fourth (written and reported at stop 31: zero-width and narrow no-break spaces,
double hyphens, a wrapped line's indent, the letter O for 0, HTML entities, BBCode, TSV, lists, delivery
requests, community posts, certificates, insurance claims, school forms). The fifth (bullets, a hyphen
and a tab, an indented line break, the wave dash, the letter l for 1, full-width groups, `골 뱅 이`, mail
headers, Java strings, INI files, LaTeX, hashtags, auctions, hospital messages, apartment notices,
recruiting, travel bookings) was written, reported and read at stop 31 too, and so was the sixth (spaced
middle dots, a dot and a line break, three spaces, CRLF, a slash, digit words spelled one by one after a
group of digits, full-width groups with spaces, `[at]` with 점, doubled spaces around @, upper case with
골뱅이, quoted addresses, 앳 with 닷, Python dicts, Org tables, TOML, emoji bullets, double parentheses,
rentals, academies, customs, volunteering, bug reports), which moved into tuning at stop 32, and so did
the seventh, written, reported and read at stop 32 (a dot and a space, a hyphen between tabs, a vertical
bar, two no-break spaces, a hyphen with CRLF and a tab, O and l together for 0 and 1, the last group in
digit words, ``<mailto:...>``, plus tags, subdomains, full-width ``［at］``, 골뱅이 with ``dot``, PHP arrays,
Markdown bold, HTTP headers, ``.env`` files, quoted CSV, civil petitions, game trades, wedding
invitations, club rosters, lost and found), and so did the eighth, written at stop 32 after the seventh
was read and before any detector ran on it, reported at stop 32 and read at stop 36 (a hyphen with a
space after or before it, a colon, two dots, a hyphen and a zero-width space, the first group in digit
words, the ideographic full stop, 골뱅이 and 닷 in parentheses or brackets, 엣, a dotted local part, Markdown
quotes, HTML spans, JSON arrays, vCards, SMS headers, parcels, gifts, management fees, alumni, used
cars), and so did the ninth, written at stop 36 after the eighth was read and before any detector ran on
it, reported and read the same stop (a figure space, the katakana middle dot, a tilde, an en dash, a dot
with spaces on both sides, a middle group in digit words, a first group in full-width digits, digits in
an e-mail's local part, a hyphenated host, 골뱅이 with 쩜, 앳 in parentheses, upper-case bracketed words,
Markdown lists, HTML definition lists, semicolon CSV, XML attributes, chat logs, year-end tax forms,
real estate, cancellations, prize winners, pet adoption). The tenth (``heldout10``, written at stop 36:
a hair space, the bullet operator, a double slash, a spaced tilde, a hyphen with two spaces after it, a
last group in full-width digits, a first group spelled one digit word at a time, an underscore in an
e-mail's local part, 골뱅이 and 닷 without spaces, a spaced full-width @, 골뱅이 in braces, a two-level domain,
numbered lists, HTML paragraphs, pipe-separated rows, underlined form fields, quoted e-mail replies,
insurance quotes, concert tickets, moving services, library cards, blood donation) was read and moved
into tuning at stop 37, and so were the eleventh (``heldout11``: a non-breaking hyphen, the small
hyphen-minus, a full-width slash, an en dash after a space, a dot with two spaces, a middle group in
full-width digits, a last group spelled one digit word at a time, (at) in full-width parentheses, 골뱅이 in
angle brackets, [[at]], an upper-case mailto, digits in the host, Markdown headings, KakaoTalk chat
exports, HTML line breaks, URL paths, ※ notes, used cars, school notices, hospitals, job applications,
delivery apps) and the twelfth (``heldout12``: a figure dash, a hyphen between no-break spaces, a spaced
double hyphen, the ideographic comma, a hyphen, space and hyphen, first and last groups in full-width
digits, every other digit a digit word, a space before an e-mail's dot, @ then 닷컴, a star explained as
the @, a spaced <at>, dashed at and dot words, spreadsheet text cells, tight Markdown tables, nested
JSON, lenticular brackets, apartment notices, clubs, rental cars, certification exams, civil services),
each written and reported at stop 37, and the thirteenth (``heldout13``, written at stop 37: a hyphen
with a zero-width joiner, the soft hyphen, a spaced katakana middle dot, spaced double dots, ideographic
spaces around a hyphen, digits spaced inside their groups, first and last groups in digit words, 골뱅이 in
single quotes, a percent-encoded @ and dot, 골뱅 for 골뱅이, an HTML comment inside an address, a zero-width
space before the @, HTML table rows, YAML lists, code comments, print statements, scholarships, gyms,
phone repairs, funeral notices, returns), read and moved into tuning at stop 38, and so was the
fourteenth (``heldout14``, written, reported and read at stop 38: the HTML entities ``&ndash;`` and
``&#45;`` between groups, the line separator, a dot then a hyphen, a spaced full-width hyphen,
mathematical bold digits, full-width digits spaced one at a time, an address concatenated in JavaScript,
ⓐ for the @, 쩜 in parentheses, a word joiner after the @, a spaced @ with 쩜, SQL WHERE clauses, Markdown
footnotes, shell exports, XML CDATA sections, crowdfunding, accident reports, tutoring, fan clubs,
dormitories). The fifteenth (``heldout15``, written, reported and read at stop 38: the won sign and a
backslash between groups (the same key on a Korean keyboard), a spaced underscore, a no-break space then
a hyphen, ``&nbsp;-&nbsp;``, circled digits, a hyphen between every two digits, ``【at】``, 닷 컴 spaced, a
mailto with a subject, hexadecimal references of the @ and the dot, a whole address in full-width
letters, HTML input values, Markdown link texts, JSON with every non-ASCII character escaped, SRT
subtitles, interview schedules, church bulletins, internet installs, pharmacies, kindergartens) went the
same way, and so did the sixteenth (``heldout16``, written, reported and read at stop 38: a hyphen and a
zero-width non-joiner, a spaced full-width dot, a double colon, ``&#045;``, a tab then a hyphen,
double-struck and monospace digits, ``《at》``, an address written wholly in character references, an
image whose alternative text is the @, a JavaScript escape of the @, at and dot words between
underscores, JSX properties, protobuf text, aligned Markdown tables, HTML text areas, car sharing,
housing subscriptions, parking permits, donation receipts, animal hospitals), and the seventeenth
(``heldout17``, written, reported and read at stop 38: thin spaces around a hyphen, a full-width tilde,
a spaced full-width bar, ``&#46;`` and a hyphen then a carriage return between groups, negative circled
and sans-serif bold digits, ``（ at ）`` with a full-width dot, 쩜 씨오 쩜 케이알, an address wholly
percent-encoded, ``[&#64;]``, a zero-width space before the dot, reStructuredText fields, HTML data
attributes, wiki templates, TypeScript constants, bike rentals, language exchanges, hair salons, tax
refunds, campsites). The eighteenth (``heldout18``, written at stop 38 before any detector ran on it: a
dot and a middle dot, a spaced wave dash, ``-&nbsp;``, a full-width colon, an em dash and a tab, dingbat
circled digits, a first group in digit words with the others full-width, AT and DOT words up to CO DOT
KR, ``&#0064;``, a quoted spaced @, ``mailto:`` with ``%40``, a hyphenated local part and digits in the
host, LaTeX table rows, XML comments, AsciiDoc tables, GraphQL arguments, wedding halls, lost cards,
phone contracts, study cafes, home repairs), reported and read at stop 39. The nineteenth
(``heldout19``, written at stop 39 before any detector ran on it: the horizontal bar, a hyphen and
``<br>``, a colon and a space, a spaced full-width slash, an en dash between no-break spaces,
``&mdash;``, Hanja digits (〇一二), mathematical sans-serif digits, 골뱅이 and 점 in spaced parentheses,
``[＠]``, a doubly escaped ``&amp;#64;``, a space after the @, at with 닷컴, SQL updates, YAML block
scalars, XML field attributes, HTML select options, marathons, jeonse deposits, field trips, pet hotels,
subsidies), reported and read at stop 39. The twentieth (``heldout20``, written at stop 39 before any
detector ran on it: ``&middot;``, a spaced colon, zero-width spaces around a hyphen, two en dashes, the
ideographic full stop, a slash between no-break spaces, keycap emoji digits (0️⃣1️⃣0️⃣), a first group
in Hanja numerals, at with 점, a full-width @ in an upper-case address, a line break after the @,
quoted-printable ``=40``, ``mailto&#58;``, timestamped log lines, namespaced XML, HTML title attributes,
URL fragments, move-ins, used books, festival booths, day care, car pools), reported and read at stop
39. The twenty-first (``heldout21``, written at stop 39 before any detector ran on it: three hyphens,
``&bull;``, a spaced full-width colon, a dot and a zero-width space, an em dash between no-break spaces,
a hyphen and an ideographic space, a last group in Hanja numerals, the white circle for a zero (○1○),
골뱅이 with a full-width dot, an @ in curly quotes, ``&#64;`` with 닷, ``［AT］``, ``MAILTO:`` with ``%40``,
JSON lines, HTML pre blocks, nested quotes, tab-separated keys, health checkups, bicycles, lost pets,
conferences, water bills), reported and read at stop 39. The twenty-second (``heldout22``, written at
stop 39 before any detector ran on it: ``&minus;``, a hyphen and ``<wbr>``, three dots, a full-width
hyphen and a no-break space, a hyphen, a tab and a space, a colon and a no-break space, a middle group
in Hanja numerals, keycap digits without the emoji selector, 골뱅이 and 닷 in spaced parentheses, 골뱅이 with
``&period;``, a soft hyphen or ``<wbr>`` before the @, a spaced dot alone, TOML inline tables, calendar
descriptions, Markdown checkboxes, HTML buttons, furniture deliveries, parents' meetings, photo studios,
shared offices, ski rentals), reported at stop 39 and read at stop 40. The twenty-third (``heldout23``,
written at stop 40 before any detector ran on it: a plus sign (a query string's encoded space), ``%20``,
``&#x2010;``, a hyphen and ``&shy;``, an en dash and a tab, a colon and a hyphen, superscript digits,
digits in combining enclosing circles (0⃝1⃝0⃝), the small commercial at (﹫), 골뱅이 and 점 in lenticular
brackets, hexadecimal entities for the @ and the dot, a tab after the @, 골뱅이 with the word dot, SMS
forwarded from the web ([Web발신]), Markdown admonitions, Kotlin maps, HTML meta content, car repairs,
yoga classes, piano lessons, dental clinics, campus festivals), reported and read at stop 40 (rules
version 27 reads its classes). The twenty-fourth (``heldout24``, written at stop 41 before any detector
ran on it: a left-to-right mark after a hyphen, word joiners around a hyphen, ``&hyphen;``, ``%2D``, a
full-width comma, a dot and a no-break space, 빵 for a zero in digit words (빵일빵), zero-width spaces
between digits, the @ in corner brackets (「@」), At and Dot in title case, a string's ``\\x40`` escape,
골뱅이 with ``(dot)``, a bold Markdown @, mail signatures, property lists, tables drawn with box
characters, Ruby hashes, laundry services, driving schools, flower deliveries, swimming pools, cleaning
services), reported and read at stop 41 (rules version 28 reads its classes). The twenty-fifth
(``heldout25``, written at stop 41 before any finding on it was looked at: two tildes, a dot and a tab,
``&#8208;``, a JSON string's ``\\u002d``, a percent-encoded full-width hyphen, a space and an em dash,
every other digit a digit word or a circled digit, the @ in HTML bold, [AT] with [점], at and dot in
backticks, 골뱅이 with ``&#46;``, an @ and a dot both spaced, HTML details, YAML flow mappings, ticked form
boxes, forwarded mails, pottery classes, car washes, eye clinics, book clubs, apartment gyms), reported
and read at stop 41 (rules version 29). The twenty-sixth (``heldout26``, written at stop 41 before any
detector ran on it: a plus, a hyphen and a plus, a JSON string's escaped slash, a hyphen in a span,
``&#183;``, two tabs, a spaced ideographic full stop, every other digit full-width or a Hanja numeral,
the @ in a span with a class, 골뱅이 in backticks, the dot in a bold tag, a JSON string's ``\\u002e``, AT
with a lower-case dot, LaTeX footnotes, tables in block quotes, figure captions, pretty-printed JSON,
guitar lessons, dog walking, print shops, tennis courts, key cutting), reported and read at stop 41
(rules version 30 reads its classes). The twenty-seventh (``heldout27``, written at stop 42 before any
detector ran on it: the vowel letter ㅡ and the long-vowel mark ー for a dash, a Markdown-escaped hyphen,
a hyphen and an empty HTML comment, ``&#x2d;``, a spaced dot operator, subscript digits, digits under
the combining low line, a defanged address, the parenthesized a, at and dot words between slashes,
``&lt;at&gt;``, a middle dot for the dot, fenced code blocks, CSV with a header row, PHP's var_dump,
HTML strong labels, hiking clubs, cooking classes, cake orders, nail salons, storage rentals), reported
and read at stop 42 (rules version 31 reads its classes). The twenty-eighth (``heldout28``, written at
stop 42 before any detector ran on it: an emoji's heavy minus, a modifier letter's minus, ``%E2%80%93``,
a span boundary around the hyphen, the Unicode hyphen, the hyphenation point, every digit in its own
span, struck-through digits, period for the dot, a line break or a space after the dot, ``&#8203;``
before the @, a mail service's Korean name, a PDF's column gap, HTML tables with attributes, arrows
after a label, triangle bullets, piano tuning, laptop repair, wedding photos, senior centers, bicycle
repair), reported and read at stop 42 (rules version 32 reads its classes). The twenty-ninth
(``heldout29``, written at stop 43 before any detector ran on it: the Hangul filler ㅤ and the
box-drawing ─ typed between groups, 에 between groups as a number is read aloud, an equals sign, the
one-dot leader, Unicode's segmented digits, every group bold in Markdown, the misspelled 골벵이, a
Markdown-escaped dot, 도트 for the dot, Hangul fillers around the @, a display name before an address in
angle brackets, Jira tables, spreadsheet formulas, SVG text, Go struct fields, pet grooming, tire shops,
air-conditioner cleaning, choirs, glasses shops), reported and read at stop 43 (rules version 34 reads
its classes). The thirtieth (``heldout30``, written at stop 44 before any
detector ran on it, after rules version 35 made any symbol between digits a separator: a star, a spaced
reference mark, a heart emoji with its selector, a percent-encoded middle dot, a hyphen then a
self-closing line break and a line feed, ㅣ for a bar, every group a Markdown code span, every digit a
numeric character reference, [점] for the dot, the service's Korean name as the host, a comma for the
dot, (atmark), a spaced {at}, Markdown tel: links, chat spoiler bars, namu wiki tables, single-quoted
XML attributes, camping sites, couriers, flea markets, golf ranges, massage shops), reported and read at
stop 44 (rules version 37 reads its classes). The thirty-first (``heldout31``, written at stop 51
before any detector ran on it: 다시 between groups as a number is read aloud,
the Hangul letter ㆍ typed for a middle dot, a full-width low line, a closing parenthesis as after an area
code, a hyphen in an old board's font tag, every digit a hexadecimal character reference, every group in
a font tag, an address's characters spaced apart, # for the @ with the reader's hint, the @ in white
corner brackets or in quotes, 점컴 for .com, HTML's address element, Markdown definition lists, a
telephone emoji before the value, twice-escaped HTML, escape rooms, hanok stays, baking classes, drone
lessons, PC rooms), reported and read at stop 51 (rules version 38 reads its classes). The thirty-second
(``heldout32``, written at stop 54 before any detector ran on it: 하이픈
between groups as a transcript writes the mark's name, a quoted-printable soft line break after a hyphen,
a vertical tab (a word processor's manual line break), a quoted reply wrapped inside a number, digits
read apart as a call centre does (하나, 둘, 넷, 여섯, 아홉), every group in Markdown italics, a hidden decoy
span inside an e-mail address, `dot` glued between host and domain, (a) for the @, `&nbsp;` around the @,
a word processor's upper-case HTML export, a board's ㄴ reply line, a query string with its Korean field
name percent-encoded, a call button's `tel:` link, temple stays, board game cafes, surfing lessons,
kimjang, phone trade-ins), reported and read at stop 54 (rules version 39 reads its classes). The thirty-third
(``heldout33``, written at stop 54 before any detector ran on it: the vowel jamo ᅳ, a
Markdown-escaped bar and an apostrophe between groups, the jamo ㅇ typed for a zero, each digit with the emoji
selector, the Korean internationalized domain .한국, the @ typed twice, a bullet for the dot, a line break before
the @, the label in an abbreviation's title, labels spaced out letter by letter, Markdown reference links, a blog
editor's paragraph markup, kids cafes, fan signings, translation requests, jjimjilbang, farm stays), reported and
read at stop 54 (rules version 40 reads its classes). The thirty-fourth (``heldout34``, written at stop 55 before
any detector ran on it: the replacement character a wrong code page leaves for a
dash, an en dash's bytes read as Windows-1252 (â€“), the tilde operator ∼ of a Korean IME's symbol table, a hyphen
with a byte order mark after it, every group in BBCode colour tags, soft hyphens between digits, the obfuscation
words in full-width letters, ((at)), 컴 read aloud after a typed dot, the @ alone in a Markdown code span, a
receipt's dot leaders, MediaWiki and BBCode tables, WebVTT subtitle cues, futsal leagues, cosplay events, record
trades, youth camps, car inspections), reported and read at stop 55 (rules version 41 reads its classes). The
thirty-fifth (``heldout35``, written at stop 55 before any detector ran on it: the dash and the
middle dot of an EUC-KR page read as Latin-1 (¡ª, ¡¤), right-to-left marks around a hyphen, a hyphen with the text
presentation selector, full-width digits of an EUC-KR page read as Latin-1 (£°£±£°), a combining grapheme joiner
after each digit, the full-width @ so read (£À), zero-width spaces around 골뱅이, a defanged dot alone, (at sign) and
(dot), PHP-serialized arrays, quoted-printable HTML, chat link markup, labels as numeric character references,
bowling leagues, e-sports teams, ceramics markets, beekeeping classes, pilates studios), reported and read at stop
55 (rules version 42 reads its classes). The thirty-sixth (``heldout36``, written at
stop 55 before any detector ran on it: `&nbsp` without its semicolon, a Word document's XML splitting a number across
runs, the double vertical line, the half-width prolonged sound mark, UTF-16 text read a byte a character (a NUL after
each digit), the formal Hanja numerals of contracts (零壹貳參), `&#64` and `&#46` without their semicolons, «at», the
snail emoji for 골뱅이, rich-text fragments, template variables, web server logs, ASCII boxes, dog training, tattoo
studios, gear rentals, violin lessons, community gardens), reported and read at stop 55 (rules version 43 reads its
classes). The held-out half now is the thirty-seventh (``heldout37`` below, written at stop 55 before any detector ran
on it: an en dash read wrong twice (Ã¢â‚¬â€œ), 쩜 and dash said between groups, digits spelled in English, full-width
digits in UTF-8 read as Windows-1252, the at and dot words spaced letter by letter, an image whose alternative text is
골뱅이, 쩜 in quotes, (엣) and (닷), multipart form bodies, wiki information boxes, LaTeX links, archery ranges, kimchi
classes, moving sales, cat sitting, calligraphy classes), read at stop 55 (rules version 44 reads its classes) and
moved into tuning at stop 59. The held-out half now is the thirty-eighth (``heldout38``, written at stop 59 before any
detector ran on it: a Markdown-escaped hyphen, an empty HTML comment before the dash, every group in its own span, a
spaced full-width hyphen-minus, an empty comment inside each group, word-break tags between digits, the small
commercial at, a script concatenating the address, empty comments around the @, 골뱅이 in lenticular brackets,
JSON-LD structured data, Open Graph descriptions, spreadsheet cells forced to text, ski lessons, funeral notices,
interior quotes, tutoring, car accidents, and labels and particles of its own). Stop 57 added two families with
halves of their own, held out from the start (``NAME_CONTEXTS``: a
name after an honorific, a role or a party's word instead of a label; ``SURNAMES`` and ``GIVEN_NAMES``: until then
both halves planted the same twenty surnames and fourteen given names); at stop 61 those held-out names joined the
tuning half and a new held-out half of surnames, given names and contexts was written before any detector ran on it.

A case records, for every planted value, its entity, its character span and its *cell* (entity and
writing), and whether the cell is decidable: a value with a checksum or a distinctive shape must be
found however it is written; a bare number with neither (a passport, an account, a health-insurance
number without its label) needs its label, and those cells are reported, not promised.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from hypothesis import strategies as st

TUNING, HELDOUT = "tuning", "heldout"
HALVES = (TUNING, HELDOUT)

# ----------------------------------------------------------------------------- identifiers

_RRN_W = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)


def _rrn_check(d12: str) -> str:
    s = sum(int(c) * w for c, w in zip(d12, _RRN_W, strict=True))
    return str((11 - s % 11) % 10)


def _luhn_complete(body: str) -> str:
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return body + str((10 - total % 10) % 10)


def _brn_check(d9: str) -> str:
    d = [int(c) for c in d9]
    s = sum(x * w for x, w in zip(d, (1, 3, 7, 1, 3, 7, 1, 3, 5), strict=True)) + (d[8] * 5) // 10
    return str((10 - s % 10) % 10)


def _crn_check(d12: str) -> str:
    s = sum(int(c) * (1 if i % 2 == 0 else 2) for i, c in enumerate(d12))
    return str((10 - s % 10) % 10)


digits = st.text(alphabet="0123456789", min_size=1, max_size=1)


def _num(n: int) -> st.SearchStrategy[str]:
    return st.text(alphabet="0123456789", min_size=n, max_size=n)


@st.composite
def birth_date(draw: st.DrawFn) -> str:
    y = draw(st.integers(0, 99))
    m = draw(st.integers(1, 12))
    d = draw(st.integers(1, 28))
    return f"{y:02d}{m:02d}{d:02d}"


@st.composite
def rrn_groups(draw: st.DrawFn, foreigner: bool = False) -> list[str]:
    front = draw(birth_date())
    gender = str(draw(st.sampled_from((5, 6, 7, 8) if foreigner else (1, 2, 3, 4))))
    rest = draw(_num(5))
    return [front, gender + rest + _rrn_check(front + gender + rest)]


@st.composite
def phone_groups(draw: st.DrawFn) -> list[str]:
    kind = draw(st.sampled_from(("mobile", "mobile", "seoul", "area", "070", "050x")))
    if kind == "mobile":
        return [draw(st.sampled_from(("010", "011", "016", "019"))), draw(_num(4)), draw(_num(4))]
    if kind == "seoul":
        return ["02", draw(st.integers(200, 9999).map(str)), draw(_num(4))]
    if kind == "area":
        area = draw(
            st.sampled_from(
                ("031", "032", "033", "041", "042", "051", "052", "053", "054", "055", "061", "062", "063", "064")
            )
        )
        return [area, str(draw(st.integers(200, 999))), draw(_num(4))]
    if kind == "070":
        return ["070", draw(_num(4)), draw(_num(4))]
    return [draw(st.sampled_from(("0502", "0504", "0505", "0507"))), draw(_num(4)), draw(_num(4))]


@st.composite
def card_groups(draw: st.DrawFn) -> list[str]:
    prefix = draw(st.sampled_from(("4", "51", "52", "55", "9410", "3560")))
    body = prefix + draw(_num(15 - len(prefix)))
    n = _luhn_complete(body)
    return [n[:4], n[4:8], n[8:12], n[12:]]


@st.composite
def brn_groups(draw: st.DrawFn) -> list[str]:
    d9 = draw(_num(9))
    t = d9 + _brn_check(d9)
    return [t[:3], t[3:5], t[5:]]


@st.composite
def crn_groups(draw: st.DrawFn) -> list[str]:
    d12 = draw(st.sampled_from(("1101", "1111", "1301", "1345", "2001"))) + draw(_num(8))
    t = d12 + _crn_check(d12)
    return [t[:6], t[6:]]


@st.composite
def licence_groups(draw: st.DrawFn) -> list[str]:
    return [str(draw(st.integers(11, 28))), draw(_num(2)), draw(_num(6)), draw(_num(2))]


@st.composite
def account_groups(draw: st.DrawFn) -> list[str]:
    shape = draw(st.sampled_from(((6, 2, 6), (3, 6, 5), (4, 3, 6), (3, 2, 6), (3, 4, 4, 2), (3, 3, 6))))
    return [draw(_num(n)) for n in shape]


@st.composite
def health_groups(draw: st.DrawFn) -> list[str]:
    return [str(draw(st.integers(1, 9))), draw(_num(10))]


@st.composite
def passport(draw: st.DrawFn) -> str:
    letter = draw(st.sampled_from("MSRODG"))
    if draw(st.booleans()):
        return letter + draw(_num(8))  # the format before 2021
    return letter + draw(_num(3)) + draw(st.sampled_from("ABCDEFGHJKLMNPQRSTUVWXYZ")) + draw(_num(4))


@st.composite
def email_parts(draw: st.DrawFn) -> tuple[str, str, str]:
    local = draw(st.from_regex(r"[a-z][a-z0-9]{1,9}([._][a-z0-9]{1,6})?", fullmatch=True))
    host = draw(st.sampled_from(("naver", "daum", "gmail", "hanmail", "kakao", "example", "korea")))
    tld = draw(st.sampled_from(("com", "net", "co.kr", "kr", "ac.kr", "go.kr", "or.kr")))
    return local, host, tld


#: The mail services' names as Korean speakers write them.
_KOREAN_HOSTS = {"naver": "네이버", "daum": "다음", "gmail": "지메일", "hanmail": "한메일", "kakao": "카카오"}


@st.composite
def ipv4(draw: st.DrawFn) -> str:
    return ".".join(str(draw(st.integers(1, 254))) for _ in range(4))


_PLATE = "가나다라마거너더러머버서어저고노도로모보소오조구누두루무부수우주하허호"
_CITIES = (
    ("서울특별시", ("강남구", "마포구", "종로구", "송파구")),
    ("부산광역시", ("해운대구", "수영구")),
    ("경기도", ("성남시 분당구", "수원시 영통구", "고양시 일산동구")),
    ("대전광역시", ("유성구", "서구")),
)
_ROADS = ("테헤란로", "월드컵로", "세종대로", "중앙대로", "판교역로", "대학로", "해운대해변로", "올림픽로")
_DONGS = ("역삼동", "합정동", "청운동", "우동", "정자동", "둔산동")
_BUILDINGS = ("래미안아파트", "현대아파트", "푸르지오", "자이아파트", "한빛빌딩")


@st.composite
def address(draw: st.DrawFn, lot: bool) -> str:
    city, districts = draw(st.sampled_from(_CITIES))
    district = draw(st.sampled_from(districts))
    if lot:
        lot_no = f"{draw(st.integers(1, 999))}-{draw(st.integers(1, 99))}"
        base = f"{city} {district} {draw(st.sampled_from(_DONGS))} {lot_no}번지"
    else:
        base = f"{city} {district} {draw(st.sampled_from(_ROADS))} {draw(st.integers(1, 400))}"
        if draw(st.booleans()):
            base += f"번길 {draw(st.integers(1, 60))}"
    if draw(st.booleans()):
        base += (
            f", {draw(st.sampled_from(_BUILDINGS))} {draw(st.integers(101, 120))}동 {draw(st.integers(101, 2505))}호"
        )
    return base


_SURNAMES = "김이박최정강조윤장임한오서신권황안송전홍"
_GIVEN = (
    "민수",
    "서연",
    "지훈",
    "하은",
    "도윤",
    "수빈",
    "예준",
    "지민",
    "현우",
    "유진",
    "성호",
    "미경",
    "영희",
    "철수",
)


def names(half: str) -> st.SearchStrategy[str]:
    """A surname and a given name of ``half`` (``SURNAMES`` and ``GIVEN_NAMES``, split in halves since stop 57: until
    then both halves planted the same fourteen given names, whose syllables the rules came to list)."""
    return st.builds(lambda s, g: s + g, st.sampled_from(SURNAMES[half]), st.sampled_from(GIVEN_NAMES[half]))


# ----------------------------------------------------------------------------- writings

_FULLWIDTH = str.maketrans("0123456789-.", "０１２３４５６７８９－．")
_FULLWIDTH_ASCII = {c: c + 0xFEE0 for c in range(0x21, 0x7F)}
#: Korean digit words: the first held-out half wrote 영 and 륙 where the tuning half wrote 공 and 육.
#: Digits read apart so that 일 and 이 are not misheard: 하나 for 1, 둘 for 2, 넷 for 4, 여섯 for 6, 아홉 for 9.
_NATIVE_DIGITS = ("공", "하나", "둘", "삼", "넷", "오", "여섯", "칠", "팔", "아홉")
_KOREAN_DIGITS = ("공일이삼사오육칠팔구", "영일이삼사오륙칠팔구")

#: Separator writings of grouped numbers, split in halves. Each is (name, separator).
SEPARATORS = {
    TUNING: (("hyphen", "-"), ("spaced_hyphen", " - "), ("dot", "."), ("none", ""), ("linebreak", "-\n"),
             ("space", " "), ("long_dash", "—"), ("en_dash_spaced", " – "), ("spaced_dot", ". "),
             ("linebreak_space", "\n")),
    HELDOUT: (
        ("minus_sign", "\u2212"),
        ("middle_dot", "·"),
        ("slash", "/"),
        ("double_space", "  "),
        ("tab", "\t"),
        ("hyphen", "-"),
    ),
    # Written at stop 29, after the stop-28 held-out half was read and moved into tuning.
    "heldout3": (
        ("nbsp", "\u00a0"),
        ("comma", ","),
        ("spaced_slash", " / "),
        ("underscore", "_"),
        ("ideographic_space", "\u3000"),
        ("hyphen", "-"),
    ),
    # Written at stop 31, after the stop-29 half was read and moved into tuning; not run before it was written.
    "heldout4": (
        ("zero_width_space", "\u200b"),
        ("spaced_comma", ", "),
        ("double_hyphen", "--"),
        ("em_dash_spaced", " \u2014 "),
        ("narrow_nbsp", "\u202f"),
        ("hyphen_linebreak_indent", "-\n  "),
        ("hyphen", "-"),
    ),
    # Written at stop 31, after the fourth half was read and moved into tuning; not run before it was written.
    "heldout5": (
        ("spaced_bullet", " \u2022 "),
        ("hyphen_tab", "-\t"),
        ("linebreak_indent", "\n    "),
        ("wave_dash", "\u301c"),
        ("hyphen_nbsp", "-\u00a0"),
        ("hyphen", "-"),
    ),
    # Written at stop 31, after the fifth half was read and moved into tuning; not run before it was written.
    "heldout6": (
        ("spaced_middle_dot", " · "),
        ("dot_linebreak", ".\n"),
        ("triple_space", "   "),
        ("crlf", "\r\n"),
        ("slash_no_space", "/"),
        ("hyphen", "-"),
    ),
    # Written at stop 32, after the sixth half was read and moved into tuning; not run before it was written.
    "heldout7": (
        ("dot_space", ". "),
        ("tab_hyphen_tab", "\t-\t"),
        ("vertical_bar", "|"),
        ("double_nbsp", "\u00a0\u00a0"),
        ("hyphen_crlf_tab", "-\r\n\t"),
        ("hyphen", "-"),
    ),
    # Written at stop 32, after the seventh half was read and moved into tuning; not run before it was written.
    "heldout8": (
        ("hyphen_space_after", "- "),
        ("space_hyphen_before", " -"),
        ("colon", ":"),
        ("double_dot", ".."),
        ("hyphen_zero_width_space", "-\u200b"),
        ("hyphen", "-"),
    ),
    # Written at stop 36, after the eighth half was read and moved into tuning; not run before it was written.
    "heldout9": (
        ("figure_space", "\u2007"),
        ("katakana_middle_dot", "\u30fb"),
        ("tilde", "~"),
        ("en_dash", "\u2013"),
        ("spaced_dot_both", " . "),
        ("hyphen", "-"),
    ),
    # Written at stop 36, after the ninth half was read and moved into tuning; not run before it was written.
    "heldout10": (
        ("hair_space", "\u200a"),
        ("hyphen_bullet_operator", "\u2219"),
        ("double_slash", "//"),
        ("spaced_tilde", " ~ "),
        ("hyphen_then_two_spaces", "-  "),
        ("hyphen", "-"),
    ),
    # Written at stop 37, after the tenth half was read and moved into tuning; not run before it was written.
    "heldout11": (
        ("non_breaking_hyphen", "\u2011"),
        ("small_hyphen_minus", "\ufe63"),
        ("fullwidth_slash", "\uff0f"),
        ("space_then_en_dash", " \u2013"),
        ("dot_two_spaces", ".  "),
        ("hyphen", "-"),
    ),
    # Written at stop 37, after the eleventh half was read and moved into tuning; not run before it was written.
    "heldout12": (
        ("figure_dash", "\u2012"),
        ("nbsp_hyphen_nbsp", "\u00a0-\u00a0"),
        ("spaced_double_hyphen", " -- "),
        ("ideographic_comma", "\u3001"),
        ("hyphen_space_hyphen", "- -"),
        ("hyphen", "-"),
    ),
    # Written at stop 37, after the twelfth half was read and moved into tuning; not run before it was written.
    "heldout13": (
        ("hyphen_zero_width_joiner", "-\u200d"),
        ("soft_hyphen", "\u00ad"),
        ("spaced_katakana_middle_dot", " \u30fb "),
        ("spaced_two_dots", " .. "),
        ("ideographic_spaces_around_hyphen", "\u3000-\u3000"),
        ("hyphen", "-"),
    ),
    # Written at stop 38, after the thirteenth half was read and moved into tuning; not run before it was written.
    "heldout14": (
        ("html_ndash_entity", "&ndash;"),
        ("numeric_hyphen_entity", "&#45;"),
        ("line_separator", "\u2028"),
        ("dot_then_hyphen", ".-"),
        ("spaced_fullwidth_hyphen", " \uff0d "),
        ("hyphen", "-"),
    ),
    # Written at stop 38, after the fourteenth half was read and moved into tuning; not run before it was written.
    "heldout15": (
        ("won_sign", "\u20a9"),
        ("backslash", "\\"),
        ("spaced_underscore", " _ "),
        ("nbsp_then_hyphen", "\u00a0-"),
        ("nbsp_entities_around_hyphen", "&nbsp;-&nbsp;"),
        ("hyphen", "-"),
    ),
    # Written at stop 38, after the fifteenth half was read and moved into tuning; not run before it was written.
    "heldout16": (
        ("hyphen_zero_width_non_joiner", "-\u200c"),
        ("spaced_fullwidth_dot", " \uff0e "),
        ("double_colon", "::"),
        ("padded_numeric_entity", "&#045;"),
        ("tab_then_hyphen", "\t-"),
        ("hyphen", "-"),
    ),
    # Written at stop 38, after the sixteenth half was read and moved into tuning; not run before it was written.
    "heldout17": (
        ("thin_spaces_around_hyphen", "\u2009-\u2009"),
        ("fullwidth_tilde", "\uff5e"),
        ("spaced_fullwidth_bar", " \uff5c "),
        ("dot_entity", "&#46;"),
        ("hyphen_carriage_return", "-\r"),
        ("hyphen", "-"),
    ),
    # Written at stop 38, after the seventeenth half was read and moved into tuning; not run before it was written.
    "heldout18": (
        ("dot_middle_dot", ".\u00b7"),
        ("spaced_wave_dash", " \u301c "),
        ("hyphen_nbsp_entity", "-&nbsp;"),
        ("fullwidth_colon", "\uff1a"),
        ("em_dash_tab", "\u2014\t"),
        ("hyphen", "-"),
    ),
    # Written at stop 39, after the eighteenth half was read and moved into tuning; not run before it was written.
    "heldout19": (
        ("horizontal_bar", "\u2015"),
        ("hyphen_br_tag", "-<br>"),
        ("colon_space", ": "),
        ("spaced_fullwidth_slash", " \uff0f "),
        ("nbsp_en_dash_nbsp", "\u00a0\u2013\u00a0"),
        ("mdash_entity", "&mdash;"),
        ("hyphen", "-"),
    ),
    # Written at stop 39, after the nineteenth half was read and moved into tuning; not run before it was written.
    "heldout20": (
        ("middot_entity", "&middot;"),
        ("spaced_colon", " : "),
        ("zero_width_spaces_around_hyphen", "\u200b-\u200b"),
        ("double_en_dash", "\u2013\u2013"),
        ("ideographic_full_stop", "\u3002"),
        ("nbsp_slash_nbsp", "\u00a0/\u00a0"),
        ("hyphen", "-"),
    ),
    # Written at stop 39, after the twentieth half was read and moved into tuning; not run before it was written.
    "heldout21": (
        ("three_hyphens", "---"),
        ("bullet_entity", "&bull;"),
        ("spaced_fullwidth_colon", " \uff1a "),
        ("dot_zero_width_space", ".\u200b"),
        ("nbsp_em_dash_nbsp", "\u00a0\u2014\u00a0"),
        ("hyphen_ideographic_space", "-\u3000"),
        ("hyphen", "-"),
    ),
    # Written at stop 39, after the twenty-first half was read and moved into tuning; not run before it was written.
    "heldout22": (
        ("minus_entity", "&minus;"),
        ("hyphen_wbr", "-<wbr>"),
        ("three_dots", "..."),
        ("fullwidth_hyphen_nbsp", "\uff0d\u00a0"),
        ("hyphen_tab_space", "-\t "),
        ("colon_nbsp", ":\u00a0"),
        ("hyphen", "-"),
    ),
    # Written at stop 40, after the twenty-second half was read and moved into tuning; not run before it was
    # written.
    "heldout23": (
        ("plus_sign", "+"),  # a form's space encoded in a query string: tel=010+1234+5678
        ("percent_encoded_space", "%20"),
        ("hex_hyphen_entity", "&#x2010;"),
        ("hyphen_shy_entity", "-&shy;"),
        ("en_dash_tab", "\u2013\t"),
        ("colon_hyphen", ":-"),
        ("hyphen", "-"),
    ),
    # Written at stop 41, after the twenty-third half was read and moved into tuning; not run before it was
    # written.
    "heldout24": (
        ("hyphen_lrm", "-\u200e"),  # a left-to-right mark after the hyphen, as bidirectional editors leave it
        ("word_joiners_around_hyphen", "\u2060-\u2060"),
        ("hyphen_named_entity", "&hyphen;"),
        ("percent_encoded_hyphen", "%2D"),
        ("fullwidth_comma", "\uff0c"),
        ("dot_nbsp", ".\u00a0"),
        ("hyphen", "-"),
    ),
    # Written at stop 41, after the twenty-fourth half was read and moved into tuning; not run before it was
    # written.
    "heldout25": (
        ("double_tilde", "~~"),
        ("dot_tab", ".\t"),
        ("decimal_entity_hyphen", "&#8208;"),
        ("json_escaped_hyphen", "\\u002d"),  # a JSON string's escape of the hyphen: \u002d
        ("percent_encoded_fullwidth_hyphen", "%EF%BC%8D"),
        ("space_em_dash", " \u2014"),
        ("hyphen", "-"),
    ),
    # Written at stop 41, after the twenty-fifth half was read and moved into tuning; not run before it was
    # written.
    "heldout26": (
        ("plus_hyphen_plus", "+-+"),  # a query string's " - ", its spaces encoded
        ("json_escaped_slash", "\\/"),
        ("tag_wrapped_hyphen", "<span>-</span>"),
        ("middle_dot_numeric_entity", "&#183;"),
        ("two_tabs", "\t\t"),
        ("spaced_ideographic_full_stop", " \u3002 "),
        ("hyphen", "-"),
    ),
    # Written at stop 42, after the twenty-sixth half was read and moved into tuning; not run before it was
    # written.
    "heldout27": (
        ("hangul_eu_as_dash", "\u3161"),  # the vowel letter ㅡ typed for a dash on a Korean keyboard: 010ㅡ1234
        ("katakana_long_vowel_mark", "\u30fc"),  # ー, a Japanese input method's dash
        ("markdown_escaped_hyphen", "\\-"),  # Markdown's escape of the hyphen: 010\-1234
        ("hyphen_html_comment", "-<!-- -->"),
        ("hex_hyphen_minus_entity", "&#x2d;"),
        ("spaced_dot_operator", " \u22c5 "),
        ("hyphen", "-"),
    ),
    # Written at stop 42, after the twenty-seventh half was read and moved into tuning; not run before it was
    # written.
    "heldout28": (
        ("heavy_minus_emoji", "\u2796"),  # ➖, an emoji keyboard's minus: 010➖1234➖5678
        ("modifier_letter_minus", "\u02d7"),  # ˗
        ("percent_encoded_en_dash", "%E2%80%93"),
        ("span_boundary", "</span>-<span>"),  # each group styled in its own span
        ("unicode_hyphen", "\u2010"),
        ("hyphenation_point", "\u2027"),  # ‧
        ("hyphen", "-"),
    ),
    # Written at stop 43, after the twenty-eighth half was read and moved into tuning; not run before it was
    # written.
    "heldout29": (
        ("hangul_filler", "\u3164"),  # ㅤ, the Hangul filler Korean users type for a blank: 010ㅤ1234ㅤ5678
        ("box_drawing_horizontal", "\u2500"),  # ─, which the Korean keyboard's symbol table offers for a dash
        ("dictation_e", "에 "),  # as a number is read aloud and typed so: 010에 1234에 5678
        ("equals_sign", "="),  # against a marketplace's number filter: 010=1234=5678
        ("one_dot_leader", "\u2024"),  # ․
        ("hyphen", "-"),
    ),    # Written at stop 44, after the twenty-ninth half was read and moved into tuning; not run before it was
    # written.
    "heldout30": (
        ("black_star", "\u2605"),  # ★, a seller's star between the groups against a marketplace's filter
        ("spaced_reference_mark", " \u203b "),  # ※
        ("red_heart_emoji", "\u2764\ufe0f"),  # ❤️: the heart and the emoji selector
        ("percent_encoded_middle_dot", "%C2%B7"),  # a middle dot in a query string: tel=010%C2%B71234
        ("hyphen_self_closing_br_newline", "-<br/>\n"),  # an HTML source's wrapped line
        ("hangul_i_for_bar", "\u3163"),  # ㅣ, which a Korean keyboard types for a vertical bar
        ("hyphen", "-"),
    ),
    # Written at stop 51, after the thirtieth half was read and moved into tuning; not run before it was written.
    "heldout31": (
        ("dictation_dasi", " 다시 "),  # 다시 for the hyphen, as a number is read aloud: 123 다시 4567
        ("arae_a_middle_dot", "\u318d"),  # ㆍ, the Hangul letter Korean keyboards type for a middle dot
        ("fullwidth_low_line", "\uff3f"),  # ＿, an underscore typed in the IME's full-width mode
        ("closing_parenthesis", ")"),  # as an area code is written: 02)1234-5678
        ("font_tag_wrapped_hyphen", '<font color="red">-</font>'),  # an old board's coloured hyphen
        ("hyphen", "-"),
    ),
    # Written at stop 54, after the thirty-first half was read and moved into tuning; not run before it was written.
    "heldout32": (
        ("dictation_hyphen_word", " 하이픈 "),  # the mark's name read aloud into a transcript: 010 하이픈 1234
        ("quoted_printable_soft_break", "-=\n"),  # a mail archive's quoted-printable line wrapped after the hyphen
        ("vertical_tab", "\x0b"),  # a word processor's manual line break, kept as a vertical tab in its export
        ("quoted_reply_wrap", "-\n> "),  # a reply's quoted line wrapped inside the number
        ("hyphen", "-"),
    ),
    # Written at stop 54, after the thirty-second half was read and moved into tuning; not run before it was written.
    "heldout33": (
        ("hangul_jungseong_eu", "\u1173"),  # ᅳ, the vowel jamo a decomposed ㅡ leaves, typed for a dash
        ("markdown_escaped_bar", "\\|"),  # a bar inside a Markdown table's cell, escaped as the table needs
        ("apostrophe", "'"),  # the key beside the semicolon, typed for a hyphen
        ("hyphen", "-"),
    ),
    # Written at stop 55, after the thirty-third half was read and moved into tuning; not run before it was written.
    "heldout34": (
        ("replacement_character", "\ufffd"),  # a dash a wrong code page lost: 010�1234�5678
        ("mojibake_en_dash", "\u00e2\u20ac\u201c"),  # an en dash's UTF-8 bytes read as Windows-1252: â€“
        ("tilde_operator", "\u223c"),  # ∼, the tilde a Korean IME's symbol table offers
        ("hyphen_byte_order_mark", "-\ufeff"),  # a zero-width no-break space a Windows copy leaves after the hyphen
        ("hyphen", "-"),
    ),
    # Written at stop 55, after the thirty-fourth half was read and moved into tuning; not run before it was written.
    "heldout35": (
        ("cp949_dash_as_latin1", "\u00a1\u00aa"),  # ― of an EUC-KR page read as Latin-1: ¡ª
        ("cp949_middle_dot_as_latin1", "\u00a1\u00a4"),  # · of an EUC-KR page read as Latin-1: ¡¤
        ("rlm_around_hyphen", "\u200f-\u200f"),  # right-to-left marks a mixed-script editor leaves around the hyphen
        ("hyphen_text_selector", "-\ufe0e"),  # the text presentation selector an emoji keyboard puts after a mark
        ("hyphen", "-"),
    ),
    # Written at stop 55, after the thirty-fifth half was read and moved into tuning; not run before it was written.
    "heldout36": (
        ("nbsp_entity_no_semicolon", "&nbsp"),  # sloppy HTML's entity without its semicolon, which browsers accept
        ("docx_run_boundary", "</w:t></w:r><w:r><w:t>-"),  # a Word document's XML splitting the number across runs
        ("double_vertical_line", "\u2016"),  # ‖
        ("halfwidth_prolonged_mark", "\uff70"),  # ｰ, a half-width Japanese keyboard's dash
        ("hyphen", "-"),
    ),
    # Written at stop 55, after the thirty-sixth half was read and moved into tuning; not run before it was written.
    "heldout37": (
        ("double_mojibake_en_dash", "\u00c3\u00a2\u00e2\u201a\u00ac\u00e2\u20ac\u0153"),  # Ã¢â‚¬â€œ
        ("dictated_jjeom", " 쩜 "),  # the dot's Korean word said between groups, as a number is read aloud
        ("dictated_english_dash", " dash "),  # an English transcript's dash between groups
        ("hyphen", "-"),
    ),
    # Written at stop 59, after the thirty-seventh half was read and moved into tuning; not run before it was written.
    "heldout38": (
        ("markdown_escaped_hyphen", "\\-"),  # a Markdown export's escaped hyphen: 010\-1234\-5678
        ("html_comment_between_groups", "<!-- -->-"),  # an empty comment a page's template leaves before the dash
        ("hyphen_in_span_tags", "</span>-<span>"),  # every group in its own span, the dash between them
        ("fullwidth_hyphen_minus_spaced", " \uff0d "),  # －, a full-width keyboard's dash, with spaces
        ("hyphen", "-"),
    ),
}
#: Writings of the digits themselves.
DIGIT_FORMS = {TUNING: ("ascii", "fullwidth", "korean_words"), HELDOUT: ("ascii", "fullwidth_mixed",
                                                                        "korean_words_spaced"),
               "heldout3": ("ascii", "korean_words_mixed"),
               "heldout4": ("ascii", "letter_o"),
               "heldout5": ("ascii", "letter_l", "fullwidth_groups"),
               "heldout6": ("ascii", "korean_words_with_digits_spaced", "fullwidth_spaced"),
               "heldout7": ("ascii", "letters_o_and_l", "korean_words_last_group"),
               "heldout8": ("ascii", "korean_words_first_group"),
               "heldout9": ("ascii", "korean_words_middle_group", "fullwidth_first_group"),
               "heldout10": ("ascii", "fullwidth_last_group", "korean_words_spaced_first_group"),
               "heldout11": ("ascii", "fullwidth_middle_group", "korean_words_spaced_last_group"),
               "heldout12": ("ascii", "fullwidth_first_and_last_groups", "korean_words_alternating"),
               "heldout13": ("ascii", "spaced_digits", "korean_words_first_and_last_groups"),
               "heldout14": ("ascii", "mathematical_bold", "spaced_fullwidth_digits"),
               "heldout15": ("ascii", "circled_digits", "every_digit_hyphenated"),
               "heldout16": ("ascii", "double_struck", "monospace_digits"),
               "heldout17": ("ascii", "negative_circled", "sans_serif_bold"),
               "heldout18": ("ascii", "dingbat_circled_sans", "korean_words_with_fullwidth"),
               "heldout19": ("ascii", "hanja_digits", "sans_serif_digits"),
               "heldout20": ("ascii", "keycap_emoji", "hanja_first_group"),
               "heldout21": ("ascii", "hanja_last_group", "white_circle_zero"),
               "heldout22": ("ascii", "hanja_middle_group", "keycap_without_selector"),
               "heldout23": ("ascii", "superscript_digits", "combining_enclosing_circle"),
               "heldout24": ("ascii", "korean_words_ppang_zero", "zero_width_space_between_digits"),
               "heldout25": ("ascii", "korean_words_every_other_digit", "circled_every_other_digit"),
               "heldout26": ("ascii", "fullwidth_every_other_digit", "hanja_every_other_digit"),
               "heldout27": ("ascii", "subscript_digits", "combining_low_line"),
               "heldout28": ("ascii", "span_per_digit", "combining_strikethrough"),
               "heldout29": ("ascii", "segmented_digits", "markdown_bold_groups"),
               "heldout30": ("ascii", "markdown_code_groups", "digit_numeric_entities"),
               "heldout31": ("ascii", "digit_hex_entities", "font_tag_per_group"),
               "heldout32": ("ascii", "native_korean_digit_words", "markdown_italic_groups"),
               "heldout33": ("ascii", "ieung_for_zero", "digit_emoji_selector"),
               "heldout34": ("ascii", "bbcode_color_per_group", "soft_hyphen_between_digits"),
               "heldout35": ("ascii", "fullwidth_cp949_mojibake", "digit_then_cgj"),
               "heldout36": ("ascii", "utf16_nul_per_digit", "hanja_formal_digits"),
               "heldout37": ("ascii", "english_digit_words", "fullwidth_utf8_mojibake"),
               # Written at stop 59 before any detector ran on it.
               "heldout38": ("ascii", "html_comment_inside_groups", "wbr_between_digits")}
EMAIL_FORMS = {
    TUNING: (
        ("plain", "{l}@{h}.{t}"),
        ("bracket_at", "{l}[at]{h}.{t}"),
        ("korean_dot", "{l}@{h} 닷 {t}"),
        ("spaced_at", "{l} @ {h}.{t}"),
        ("fullwidth_at", "{l}＠{h}.{t}"),
        ("paren_at", "{l}(at){h}.{t}"),
        ("korean_at", "{l} 골뱅이 {h}.{t}"),
        ("bracket_at_dot", "{l} [at] {h} [dot] {t}"),
        ("url_encoded", "{l}%40{h}.{t}"),
        ("paren_at_dot", "{l}(at){h}(dot){t}"),
    ),
    HELDOUT: (
        ("mailto", "mailto:{l}@{h}.{t}"),
        ("angle", "<{l}@{h}.{t}>"),
        ("word_at_dot", "{l} at {h} dot {t}"),
        ("korean_at_dot_joined", "{l}골뱅이{h}점{t}"),
        ("fullwidth_at_dot", "{l}＠{h}．{t}"),
    ),
    "heldout3": (
        ("spaced_dot", "{l} @ {h} . {t}"),
        ("korean_dotcom", "{l} 골뱅이 {h} 닷컴"),
        ("upper_case", "{L}@{H}.{T}"),
        ("markdown_link", "[{l}@{h}.{t}](mailto:{l}@{h}.{t})"),
        ("spaced_brackets", "{l} [ at ] {h} [ dot ] {t}"),
    ),
    "heldout4": (
        ("html_entity_at", "{l}&#64;{h}.{t}"),
        ("korean_at_latin_dot", "{l}골뱅이{h}.{t}"),
        ("angle_words", "{l}<at>{h}<dot>{t}"),
        ("spaced_paren_words", "{l} ( at ) {h} ( dot ) {t}"),
        ("upper_words", "{l} AT {h} DOT {t}"),
    ),
    "heldout5": (
        ("korean_at_spaced_letters", "{l} 골 뱅 이 {h} . {t}"),
        ("named_entities", "{l}&commat;{h}&period;{t}"),
        ("fullwidth_at_spaced", "{l} ＠ {h} . {t}"),
        ("brace_words", "{l}{{at}}{h}{{dot}}{t}"),
        ("korean_at_in_parentheses", "{l}(골뱅이){h}.{t}"),
    ),
    "heldout6": (
        ("at_word_brackets_korean_dot", "{l} [at] {h} 점 {t}"),
        ("double_at_spacing", "{l}  @  {h}.{t}"),
        ("upper_korean_at", "{L} 골뱅이 {H}.{T}"),
        ("quoted_address", "\"{l}@{h}.{t}\""),
        ("hangul_at_sign_word", "{l} 앳 {h} 닷 {t}"),
    ),
    "heldout7": (
        ("angle_mailto", "<mailto:{l}@{h}.{t}>"),
        ("plus_tag", "{l}+news@{h}.{t}"),
        ("subdomain", "{l}@mail.{h}.{t}"),
        ("fullwidth_bracket_at", "{l}［at］{h}.{t}"),
        ("korean_at_english_dot", "{l} 골뱅이 {h} dot {t}"),
    ),
    "heldout8": (
        ("ideographic_full_stop", "{l}＠{h}。{t}"),
        ("korean_words_in_parentheses", "{l}(골뱅이){h}(닷){t}"),
        ("korean_at_variant_spelling", "{l} 엣 {h}.{t}"),
        ("korean_words_in_brackets", "{l}[골뱅이]{h}[닷]{t}"),
        ("dotted_local_part", "{l}.{h}@{h}.{t}"),
    ),
    "heldout9": (
        ("digits_in_local_part", "{l}1987@{h}.{t}"),
        ("hyphenated_host", "{l}@{h}-mail.{t}"),
        ("korean_at_jjeom", "{l} 골뱅이 {h} 쩜 {t}"),
        ("at_word_in_parentheses", "{l}(앳){h}.{t}"),
        ("upper_bracket_words", "{l} [AT] {h} [DOT] {t}"),
    ),
    "heldout10": (
        ("underscore_local_part", "{l}_{h}@{h}.{t}"),
        ("korean_at_dot_no_spaces", "{l}골뱅이{h}닷{t}"),
        ("spaced_fullwidth_at", "{l} ＠ {h}.{t}"),
        ("at_word_in_braces_korean", "{l}{{골뱅이}}{h}.{t}"),
        ("two_level_tld", "{l}@{h}.co.kr"),
    ),
    "heldout11": (
        ("fullwidth_parentheses_at", "{l}（at）{h}.{t}"),
        ("korean_at_in_angle_brackets", "{l}<골뱅이>{h}.{t}"),
        ("double_bracket_at", "{l}[[at]]{h}.{t}"),
        ("upper_mailto", "MAILTO:{L}@{H}.{T}"),
        ("digits_in_host", "{l}@{h}2.{t}"),
    ),
    "heldout12": (
        ("space_before_dot", "{l}@{h} .{t}"),
        ("at_then_korean_dotcom", "{l}@{h}닷컴"),
        ("star_for_at_explained", "{l}★{h}.{t} (★을 @로)"),
        ("spaced_angle_at", "{l} < at > {h} . {t}"),
        ("dashed_words", "{l}-at-{h}-dot-{t}"),
    ),
    "heldout13": (
        ("korean_at_in_single_quotes", "{l}'골뱅이'{h}.{t}"),
        ("percent_encoded_at_and_dot", "{l}%40{h}%2E{t}"),
        ("korean_at_shortened", "{l} 골뱅 {h}.{t}"),
        ("html_comment_split", "{l}<!-- -->@{h}.{t}"),
        ("zero_width_space_before_at", "{l}\u200b@{h}.{t}"),
    ),
    "heldout14": (
        ("javascript_concat", "'{l}' + '@' + '{h}.{t}'"),
        ("circled_a_for_at", "{l}ⓐ{h}.{t}"),
        ("jjeom_in_parentheses", "{l}@{h}(쩜){t}"),
        ("word_joiner_after_at", "{l}@\u2060{h}.{t}"),
        ("spaced_at_korean_jjeom", "{l} @ {h} 쩜 {t}"),
    ),
    "heldout15": (
        ("lenticular_at", "{l}【at】{h}.{t}"),
        ("korean_dot_and_tld_spaced", "{l} 골뱅이 {h} 닷 컴"),
        ("mailto_with_subject", "mailto:{l}@{h}.{t}?subject=문의"),
        ("hex_entities", "{l}&#x40;{h}&#x2e;{t}"),
        ("fullwidth_address", "{F}"),
    ),
    "heldout16": (
        ("double_angle_at", "{l}《at》{h}.{t}"),
        ("every_character_an_entity", "{E}"),
        ("image_alt_at", '{l}<img src="at.gif" alt="@">{h}.{t}'),
        ("javascript_escape_at", "{l}\\u0040{h}.{t}"),
        ("underscore_words", "{l}_at_{h}_dot_{t}"),
    ),
    "heldout17": (
        ("spaced_fullwidth_parentheses_at", "{l}（ at ）{h}．{t}"),
        ("korean_co_kr_spaced", "{l} 골뱅이 {h} 쩜 씨오 쩜 케이알"),
        ("every_character_percent_encoded", "{P}"),
        ("bracketed_entity_at", "{l}[&#64;]{h}.{t}"),
        ("zero_width_space_before_dot", "{l}@{h}\u200b.{t}"),
    ),
    "heldout18": (
        ("spaced_upper_words_co_kr", "{l} AT {h} DOT CO DOT KR"),
        ("padded_entity_at", "{l}&#0064;{h}.{t}"),
        ("quoted_spaced_at", '{l} " @ " {h}.{t}'),
        ("mailto_percent_at", "mailto:{l}%40{h}.{t}"),
        ("hyphen_local_digit_host", "{l}-kr@{h}24.{t}"),
    ),
    "heldout19": (
        ("spaced_korean_words_in_parentheses", "{l} (골뱅이) {h} (점) {t}"),
        ("fullwidth_at_in_brackets", "{l}[＠]{h}.{t}"),
        ("double_escaped_entity_at", "{l}&amp;#64;{h}.{t}"),
        ("space_after_at_only", "{l}@ {h}.{t}"),
        ("at_word_korean_dotcom", "{l} at {h} 닷컴"),
    ),
    "heldout20": (
        ("at_word_korean_jeom", "{l} at {h} 점 {t}"),
        ("uppercase_fullwidth_at", "{L}＠{H}.{T}"),
        ("line_break_after_at", "{l}@\n{h}.{t}"),
        ("quoted_printable_at", "{l}=40{h}.{t}"),
        ("mailto_entity_colon", "mailto&#58;{l}@{h}.{t}"),
    ),
    "heldout21": (
        ("korean_at_fullwidth_dot", "{l} 골뱅이 {h}．{t}"),
        ("at_in_curly_quotes", "{l}“@”{h}.{t}"),
        ("entity_at_korean_dot", "{l}&#64;{h} 닷 {t}"),
        ("fullwidth_brackets_upper_at", "{l}［AT］{h}.{t}"),
        ("upper_mailto_percent", "MAILTO:{l}%40{h}.{t}"),
    ),
    "heldout22": (
        ("spaced_korean_words_in_spaced_parens", "{l} ( 골뱅이 ) {h} ( 닷 ) {t}"),
        ("korean_at_period_entity", "{l} 골뱅이 {h}&period;{t}"),
        ("soft_hyphen_before_at", "{l}\u00ad@{h}.{t}"),
        ("spaced_dot_only", "{l}@{h} . {t}"),
        ("wbr_before_at", "{l}<wbr>@{h}.{t}"),
    ),
    "heldout23": (
        ("small_commercial_at", "{l}\ufe6b{h}.{t}"),
        ("lenticular_korean_words", "{l}【골뱅이】{h}【점】{t}"),
        ("hex_entities_at_and_dot", "{l}&#x40;{h}&#x2e;{t}"),
        ("tab_after_at", "{l}@\t{h}.{t}"),
        ("korean_at_english_dot_word", "{l} 골뱅이 {h} dot {t}"),
    ),
    "heldout24": (
        ("corner_bracket_at", "{l}「@」{h}.{t}"),
        ("title_case_words", "{l} At {h} Dot {t}"),
        ("hex_escape_at", "{l}\\x40{h}.{t}"),  # a C or Python string's escape: \x40
        ("korean_at_parenthesized_dot_word", "{l} 골뱅이 {h} (dot) {t}"),
        ("markdown_bold_at", "{l}**@**{h}.{t}"),
    ),
    "heldout25": (
        ("html_bold_at", "{l}<b>@</b>{h}.{t}"),
        ("bracketed_upper_at_korean_dot", "{l} [AT] {h} [점] {t}"),
        ("backtick_words", "{l}`at`{h}`dot`{t}"),
        ("korean_at_dot_entity", "{l} 골뱅이 {h}&#46;{t}"),
        ("fully_spaced", "{l} @ {h} . {t}"),
    ),
    "heldout26": (
        ("span_class_at", '{l}<span class="at">@</span>{h}.{t}'),
        ("korean_at_in_backticks", "{l}`골뱅이`{h}.{t}"),
        ("tag_wrapped_dot", "{l}@{h}<b>.</b>{t}"),
        ("json_escaped_dot", "{l}@{h}\\u002e{t}"),
        ("upper_at_word_lower_dot_word", "{l} AT {h} dot {t}"),
    ),
    "heldout27": (
        ("defanged", "{l}[@]{h}[.]{t}"),  # as security reports write addresses so that nothing links them
        ("parenthesized_small_a", "{l}\u249c{h}.{t}"),  # ⒜
        ("slash_words", "{l} /at/ {h} /dot/ {t}"),
        ("escaped_angle_words", "{l}&lt;at&gt;{h}&lt;dot&gt;{t}"),  # <at> and <dot> as an HTML page's source has them
        ("middle_dot_for_dot", "{l}@{h}\u00b7{t}"),
    ),
    "heldout28": (
        ("period_word", "{l} at {h} period {t}"),
        ("linebreak_after_dot", "{l}@{h}.\n{t}"),
        ("zero_width_space_entity_before_at", "{l}&#8203;@{h}.{t}"),
        ("space_after_dot", "{l}@{h}. {t}"),
        ("korean_host_name", "{l} 골뱅이 {K} 닷컴"),  # the mail service's Korean name: kim 골뱅이 네이버 닷컴
    ),
    "heldout29": (
        ("korean_at_misspelled", "{l} 골벵이 {h}.{t}"),  # 골벵이, as 골뱅이 is often misspelled
        ("markdown_escaped_dot", "{l}@{h}\\.{t}"),  # kim@naver\.com, as Markdown escapes a dot
        ("korean_dot_word_doteu", "{l}@{h} 도트 {t}"),  # 도트, the loanword for dot
        ("hangul_fillers_around_at", "{l}\u3164@\u3164{h}.{t}"),
        ("display_name_angle", "홍길동 <{l}@{h}.{t}>"),  # a mail header's display name and address
    ),    "heldout30": (
        ("bracketed_korean_dot", "{l}@{h}[점]{t}"),
        ("korean_host_dot_com", "{l}@{K}.com"),  # the service's Korean name as the host: kim@네이버.com
        ("comma_for_dot", "{l}@{h},{t}"),  # the comma typed for the dot
        ("japanese_atmark", "{l}(atmark){h}.{t}"),  # as Japanese sites write the @
        ("spaced_braced_at", "{l} {{at}} {h}.{t}"),
    ),
    # Written at stop 51, after the thirtieth half was read and moved into tuning; not run before it was written.
    "heldout31": (
        ("letters_spaced", "{S}"),  # every character apart, against scrapers: k i m @ n a v e r . c o m
        ("hash_for_at_arrow", "{l}#{h}.{t} (#→@)"),  # a marketplace's # for the @, with the reader's hint
        ("white_corner_bracket_at", "{l}『@』{h}.{t}"),
        ("quoted_at_spaced", '{l} "@" {h}.{t}'),
        ("jeom_com_joined", "{l}@{h}점컴"),  # .com said as 점컴
    ),
    # Written at stop 54, after the thirty-first half was read and moved into tuning; not run before it was written.
    "heldout32": (
        ("css_hidden_decoy", '{l}<span style="display:none">nospam</span>@{h}.{t}'),  # a page's hidden decoy
        ("dot_word_glued", "{l}@{h}dot{t}"),  # kim@naverdotcom
        ("paren_a_for_at", "{l}(a){h}.{t}"),  # kim(a)naver.com
        ("nbsp_entities_around_at", "{l}&nbsp;@&nbsp;{h}.{t}"),
    ),
    # Written at stop 54, after the thirty-second half was read and moved into tuning; not run before it was written.
    "heldout33": (
        ("korean_idn_tld", "{l}@{h}.한국"),  # the Korean internationalized country domain
        ("double_at_typo", "{l}@@{h}.{t}"),  # the @ typed twice
        ("bullet_for_dot", "{l}@{h}•{t}"),
        ("br_before_at", "{l}<br>@{h}.{t}"),  # a page that breaks the line before the @
    ),
    # Written at stop 55, after the thirty-third half was read and moved into tuning; not run before it was written.
    "heldout34": (
        ("fullwidth_letter_words", "{l} ａｔ {h} ｄｏｔ {t}"),  # the obfuscation words typed in full-width letters
        ("double_parentheses_at", "{l}((at)){h}.{t}"),
        ("korean_com_after_dot", "{l}@{h}.컴"),  # the domain read aloud after a typed dot
        ("code_span_at", "{l}`@`{h}.{t}"),  # the @ alone in a Markdown code span
    ),
    # Written at stop 55, after the thirty-fourth half was read and moved into tuning; not run before it was written.
    "heldout35": (
        ("at_cp949_mojibake", "{l}\u00a3\u00c0{h}.{t}"),  # a full-width ＠ of an EUC-KR page read as Latin-1: £À
        ("zero_width_spaces_around_korean_at", "{l}\u200b골뱅이\u200b{h}.{t}"),
        ("defanged_dot_only", "{l}@{h}[.]{t}"),  # a security report's defanged dot, the @ left as it is
        ("at_sign_words", "{l} (at sign) {h} (dot) {t}"),
    ),
    # Written at stop 55, after the thirty-fifth half was read and moved into tuning; not run before it was written.
    "heldout36": (
        ("at_entity_no_semicolon", "{l}&#64{h}.{t}"),  # a numeric reference without its semicolon
        ("at_in_guillemets", "{l}«at»{h}.{t}"),
        ("snail_emoji_for_at", "{l}🐌{h}.{t}"),  # 골뱅이 is a sea snail: the emoji for the word
        ("dot_entity_no_semicolon", "{l}@{h}&#46{t}"),
    ),
    # Written at stop 55, after the thirty-sixth half was read and moved into tuning; not run before it was written.
    "heldout37": (
        ("spaced_letter_words", "{l} a t {h} d o t {t}"),  # the at and dot words themselves spaced apart
        ("image_alt_korean_at", '{l}<img src="a.gif" alt="골뱅이">{h}.{t}'),
        ("quoted_korean_dot", "{l}@{h}'쩜'{t}"),
        ("parenthesized_korean_words_variant", "{l}(엣){h}(닷){t}"),
    ),
    # Written at stop 59, after the thirty-seventh half was read and moved into tuning; not run before it was written.
    "heldout38": (
        ("small_commercial_at", "{l}\ufe6b{h}.{t}"),  # ﹫, the small form a fancy-text generator gives
        ("javascript_concatenation", "{l}' + '@' + '{h}.{t}"),  # a page's script building the address
        ("html_comment_around_at", "{l}<!-- -->@<!-- -->{h}.{t}"),  # empty comments against address scrapers
        ("lenticular_korean_at", "{l}【골뱅이】{h}.{t}"),
    ),
}
CONTAINERS = {
    TUNING: ("plain", "parentheses", "quotes", "markdown_table", "json", "brackets", "html_table", "url_query",
             "corner_quotes"),
    HELDOUT: ("csv_row", "xml_tag", "angle_brackets", "key_value", "plain"),
    "heldout3": ("sql_values", "log_kv", "html_attribute", "yaml", "plain"),
    "heldout4": ("markdown_code", "bbcode", "tsv_row", "html_list", "fullwidth_colon", "plain"),
    "heldout5": ("mail_header", "java_string", "ini", "latex", "hashtag", "plain"),
    "heldout6": ("python_dict", "org_table", "toml", "emoji_bullet", "double_parentheses", "plain"),
    "heldout7": ("php_array", "markdown_bold", "http_header", "env_file", "csv_quoted", "plain"),
    "heldout8": ("markdown_quote", "html_span", "json_array", "vcard", "sms_header", "plain"),
    "heldout9": ("markdown_list", "html_definition", "csv_semicolon", "xml_attribute", "chat_log", "plain"),
    "heldout10": ("numbered_list", "html_paragraph", "pipe_row", "form_field_underline", "email_quote", "plain"),
    "heldout11": ("markdown_heading", "kakao_chat", "html_br", "url_path", "note_mark", "plain"),
    "heldout12": ("excel_text_cell", "markdown_table_tight", "json_nested", "lenticular_brackets", "plain"),
    "heldout13": ("html_table_row", "yaml_list", "code_comment", "print_statement", "plain"),
    "heldout14": ("sql_where", "markdown_footnote", "shell_export", "xml_cdata", "plain"),
    "heldout15": ("html_input_value", "markdown_link_text", "json_ascii_escaped", "srt_subtitle", "plain"),
    "heldout16": ("jsx_prop", "protobuf_text", "markdown_table_aligned", "html_textarea", "plain"),
    "heldout17": ("rst_field", "html_data_attribute", "wiki_template", "typescript_const", "plain"),
    "heldout18": ("latex_table_row", "xml_comment", "asciidoc_table", "graphql_arg", "plain"),
    "heldout19": ("sql_update", "yaml_block_scalar", "xml_field_attribute", "html_option", "plain"),
    "heldout20": ("log_timestamped", "xml_namespaced", "html_title_attribute", "url_fragment", "plain"),
    "heldout21": ("jsonl_record", "html_pre", "nested_quote", "key_colon_tab", "plain"),
    "heldout22": ("toml_inline_table", "ics_description", "markdown_checkbox", "html_button", "plain"),
    "heldout23": ("web_sender_sms", "markdown_admonition", "kotlin_map", "html_meta_content", "plain"),
    "heldout24": ("email_signature", "xml_plist", "box_drawing_table", "ruby_hash", "plain"),
    "heldout25": ("html_details", "yaml_flow_mapping", "checkbox_form", "forwarded_mail", "plain"),
    "heldout26": ("latex_footnote", "blockquote_table", "html_figcaption", "json_pretty", "plain"),
    "heldout27": ("fenced_code_block", "csv_with_header", "php_var_dump", "html_strong_label", "plain"),
    "heldout28": ("pdf_column_gap", "html_table_attributes", "arrow_label", "triangle_bullet", "plain"),
    "heldout29": ("jira_table", "excel_formula", "svg_text", "go_struct_field", "plain"),
    "heldout30": ("markdown_tel_link", "discord_spoiler", "namuwiki_table", "xml_single_quoted", "plain"),
    "heldout31": ("html_address_tag", "markdown_definition_list", "phone_emoji_lead", "double_escaped_html", "plain"),
    "heldout32": ("hwp_html_export", "dc_reply_marker", "url_query_percent_label", "html_tel_href", "plain"),
    "heldout33": ("html_abbr_title", "letter_spaced_label", "markdown_reference_link", "naver_smart_editor", "plain"),
    "heldout34": ("dot_leader_row", "mediawiki_table", "bbcode_table", "webvtt_cue", "plain"),
    "heldout35": ("php_serialized", "mhtml_quoted_printable", "slack_mrkdwn_link", "xml_entity_encoded_label", "plain"),
    "heldout36": ("rtf_fragment", "jinja_set", "apache_log_query", "ascii_box", "plain"),
    "heldout37": ("multipart_form", "wiki_infobox", "latex_href", "plain"),
    # Written at stop 59 before any detector ran on it.
    "heldout38": ("json_ld_script", "open_graph_meta", "excel_text_formula", "plain"),
}
PARTICLES = {TUNING: ("", "이고", "입니다", "로", ".", "으로", "이에요", "까지", ","),
             HELDOUT: ("", "은", "는", "도", "에서", "이라고", "!", "…"),
             "heldout3": ("", "이며", "이랑", "하고", "에게", "?"),
             "heldout4": ("", "이라서", "인데", "였고", "로요", "이니까", "~"),
             "heldout5": ("", "이거든요", "이래요", "라서", "이구요", "!!"),
             "heldout6": ("", "이었어요", "이지만", "이라면", "임", ";"),
             "heldout7": ("", "이야", "이거나", "이었던", "이란", "이죠", ")"),
             "heldout8": ("", "이잖아요", "인지", "이든가", "으로는", "~~"),
             "heldout9": ("", "이던데", "이라던데", "이었고요", "으로요", "^^"),
             "heldout10": ("", "이었습니다만", "이구나", "이라니", "으로부터", "ㅎㅎ"),
             "heldout11": ("", "이었는데요", "이라구요", "이에여", "으로만", "!?"),
             "heldout12": ("", "이었다고", "이라며", "인데여", "이고요", ".."),
             "heldout13": ("", "이었지만", "이래서", "이던가요", "으로도", "~!"),
             "heldout14": ("", "이었기에", "이라든지", "으로서", "이었음", "...?"),
             "heldout15": ("", "이었대요", "이라니까요", "으로써", "이었을까", "!!!"),
             "heldout16": ("", "이었잖아", "이라는데요", "으로요?", "이었다며", "!?!"),
             "heldout17": ("", "이었어가지고", "이라더라", "으로밖에", "이었다구요", "ㅋㅋㅋ"),
             "heldout18": ("", "이었으려나", "이라구", "으로다가", "이었다는", "!!?"),
             "heldout19": ("", "이었던가", "이라네요", "으로부턴", "이었다니", "ㅠㅠ"),
             "heldout20": ("", "이었더라", "이라니요", "으로나마", "이었으니", "~?"),
             "heldout21": ("", "이었었는데", "이라든가", "으로까지", "이었을걸", "^^;"),
             "heldout22": ("", "이었길래", "이라던가", "으로라도", "이었겠지", "…!"),
             "heldout23": ("", "이었더니", "이라더니", "으로야", "이었나봐", "ㅎ"),
             "heldout24": ("", "이었대", "이라지요", "으로서는", "이었나요", ";;"),
             "heldout25": ("", "이었다네", "이라든지요", "으로는요", "이었구나", "ㄱㄱ"),
             "heldout26": ("", "이었다구", "이라구욧", "으로밖엔", "이었나", "ㅇㅇ"),
             "heldout27": ("", "이었는지", "이라서요", "으로선", "이었다면서", "ㅜㅜ"),
             "heldout28": ("", "이었다니까", "이라니깐", "으로서도", "이었을지도", "ㅋ"),
             "heldout29": ("", "이었던지", "이라서인지", "으로선가", "이었으면", "ㄷㄷ"),
             "heldout30": ("", "이었던데요", "이라니깐요", "으로서만", "이었겠네", "ㅡㅡ"),
             "heldout31": ("", "이었던걸요", "이라니까는", "으로서의", "이었답니다", "ㅇㅋ"),
             "heldout32": ("", "이었거든요", "이라던데요", "으로부터는", "이었나보네", "ㅠ"),
             "heldout33": ("", "이었더라구요", "이라니까요?", "으로부터요", "이었잖아요", "ㅎㅎㅎ"),
             "heldout34": ("", "이었더라고요", "이라던가요", "으로부터였나", "이었으려나요", "ㄹㅇ"),
             "heldout35": ("", "이었다던데요", "이라든가요", "으로까지는", "이었던가요", "ㅇㅈ"),
             "heldout36": ("", "이었더래요", "이라던데?", "으로까지도", "이었을런지", "ㄱㅅ"),
             "heldout37": ("", "이었었어요", "이라던걸요", "으로부터까지", "이었던거죠", "ㅂㅂ"),
             "heldout38": ("", "이었다니까요", "였는데요", "이더라고요", "이랬어요", "ㅋㅋ")}

#: Labels per entity, split in halves; "after" labels are written in parentheses after the value.
LABELS = {
    "KR_RRN": {TUNING: ("주민등록번호", "주민번호", "주민등록 번호", "생년월일 및 주민번호"),
               HELDOUT: ("주민 번호", "주민등록번호(13자리)"),
               "heldout3": ("주민 등록 번호", "주민등록번호 전체"),
               "heldout4": ("주민등록번호 앞뒷자리", "주민No", "주민 등록번호"),
               "heldout5": ("주민번호 뒷자리 포함", "Resident No."),
               "heldout6": ("주민등록번호 13자리", "주민 No."),
               "heldout7": ("주민번호(본인)", "주민등록 No", "RRN"),
               "heldout8": ("주민등록번호(앞-뒤)", "주민번호13자리"),
               "heldout9": ("본인 주민번호", "주민등록번호는"),
               "heldout10": ("주민번호는", "주민등록 번호(본인)"),
               "heldout11": ("주민등록번호 (본인 확인용)", "주민번호 :"),
               "heldout12": ("주민등록번호(전체 13자리)", "주민번호 앞6 뒤7"),
               "heldout13": ("주민(외국인)등록번호", "성별 포함 주민번호"),
               "heldout14": ("주민등록번호(뒷자리 포함)", "주민 번호는요"),
               "heldout15": ("주민번호(13자리)는", "주민 등록 번호:"),
               "heldout16": ("주민등록 번호는", "주민번호(앞뒤)"),
               "heldout17": ("주민등록번호 (13자리)", "주민번호 전체:"),
               "heldout18": ("주민번호(앞6-뒤7)", "주민 등록번호:"),
               "heldout19": ("본인 주민등록번호:", "주민번호 13자리는"),
               "heldout20": ("주민등록번호 전부", "주민 No:"),
               "heldout21": ("주민번호 전체:", "주민등록 번호는"),
               "heldout22": ("주민번호(전체)", "주민 등록 번호:"),
               "heldout23": ("주민번호(앞자리-뒷자리)", "본인 주민 번호"),
               "heldout24": ("주민등록번호 (전체)", "주민 번호 13자리:"),
               "heldout25": ("주민 등록 번호(13자리):", "주민번호 (본인)"),
               "heldout26": ("본인 주민등록 번호", "주민 No. (13자리)"),
               "heldout27": ("주민(외국인)등록번호:", "실명확인번호(주민번호)"),
               "heldout28": ("주민등록번호(앞 6자리-뒤 7자리)", "RRN 번호"),
               "heldout29": ("주민 등록 No.", "주민번호 (생년월일 포함)"),
               "heldout30": ("주민번호 앞뒤 자리", "주민등록 No :"),
               "heldout31": ("주민등록번호 (- 포함)", "RRN :"),
               "heldout32": ("주민번호 (뒤 7자리 포함)", "주민번호 13자리"),
               "heldout33": ("주민등록 번호 (13자리)", "주민번호(숫자만)"),
               "heldout34": ("주민번호 (본인 인증)", "주민번호 뒷자리 포함 :"),
               "heldout35": ("주민번호 (생년월일-성별)", "주민 등록 번호 :"),
               "heldout36": ("주민등록번호 (앞 6자리-뒤 7자리)", "주민 번호(본인)"),
               "heldout37": ("주민번호 (앞자리-뒷자리)", "주민등록번호 확인 :"),
               "heldout38": ("주민등록번호 (법정대리인)", "주민번호 기재 :")},
    "KR_FRN": {TUNING: ("외국인등록번호", "외국인 등록번호"), HELDOUT: ("외국인번호", "등록번호(외국인)"),
               "heldout3": ("외국인 등록 번호", "외국인등록증 번호"),
               "heldout4": ("외국인 번호", "외국인등록 No"),
               "heldout5": ("외국인 등록번호(ARC)", "ARC No"),
               "heldout6": ("외국인등록번호(13자리)", "체류 외국인 번호"),
               "heldout7": ("외국인 등록증번호", "외국인 주민번호"),
               "heldout8": ("외국인등록 번호", "외국인 등록No."),
               "heldout9": ("외국인 등록 번호(ARC)", "외국인등록번호:"),
               "heldout10": ("외국인 등록번호는", "ARC 번호"),
               "heldout11": ("외국인등록번호(체류)", "외국인 등록증 No."),
               "heldout12": ("외국인 등록번호(13자리)", "외국인등록번호는"),
               "heldout13": ("외국인등록 번호는", "체류자격 등록번호"),
               "heldout14": ("외국인 등록 번호는", "외국인등록증번호"),
               "heldout15": ("외국인 번호는", "외국인등록번호(ARC)"),
               "heldout16": ("외국인 등록No", "외국인 등록 번호:"),
               "heldout17": ("외국인등록 No.", "등록번호(외국인):"),
               "heldout18": ("외국인 등록증 번호:", "외국인번호(ARC)"),
               "heldout19": ("외국인 등록번호(13자리)", "외국인등록증 No."),
               "heldout20": ("외국인 번호는", "외국인등록번호 :"),
               "heldout21": ("외국인 등록 번호", "ARC No."),
               "heldout22": ("외국인등록 번호는", "외국인 No."),
               "heldout23": ("외국인 등록 번호(13자리)", "체류 외국인 등록번호"),
               "heldout24": ("외국인등록증 번호(13자리)", "외국인 등록 No"),
               "heldout25": ("외국인 등록 번호 (ARC)", "외국인등록 No:"),
               "heldout26": ("외국인 등록증번호:", "외국인번호 (ARC)"),
               "heldout27": ("외국인 등록번호(ARC No.)", "등록증 번호 (외국인)"),
               "heldout28": ("외국인등록 번호 (ARC)", "외국인 등록증 No:"),
               "heldout29": ("외국인 등록 No. (ARC)", "외국인등록증 (뒷면) 번호"),
               "heldout30": ("외국인 등록 번호(앞 6자리-뒤 7자리)", "Alien Registration No."),
               "heldout31": ("외국인등록증 No :", "외국인 번호 (ARC)"),
               "heldout32": ("외국인 등록증번호 :", "등록번호 (외국인등록증)"),
               "heldout33": ("외국인 등록번호 (체류)", "외국인등록 번호 (체류자격)"),
               "heldout34": ("외국인등록번호 (ARC No.)", "외국인 등록 번호 :"),
               "heldout35": ("외국인등록번호 (체류 카드)", "외국인 등록증 번호 (앞면)"),
               "heldout36": ("외국인 등록번호 (ARC 카드)", "외국인등록번호 (앞면 기재)"),
               "heldout37": ("외국인등록번호 (영주권자)", "외국인 번호 (등록증)"),
               "heldout38": ("외국인등록번호 (재외동포)", "외국인 등록 번호 (F-4)")},
    "KR_PASSPORT": {TUNING: ("여권번호", "여권 번호", "여권", "Passport No."), HELDOUT: ("PASSPORT", "여권 No"),
                    "heldout3": ("여권 번호(PP)", "Passport Number"),
               "heldout4": ("여권No", "여권 넘버", "Passport #"),
               "heldout5": ("여권번호(Passport)", "여권 #"),
               "heldout6": ("여권 No.", "여권 번호(대한민국)"),
               "heldout7": ("여권 번호:", "passport no"),
               "heldout8": ("여권번호(영문)", "여권 넘버"),
               "heldout9": ("여권 번호는", "PASSPORT NO."),
               "heldout10": ("여권번호는", "여권 No:"),
               "heldout11": ("여권번호 :", "Passport No:"),
               "heldout12": ("여권 번호(영문/숫자)", "여권번호는요"),
               "heldout13": ("여권 NO.", "여권번호 (9자리)"),
               "heldout14": ("여권 번호 :", "여권(영문) 번호"),
               "heldout15": ("여권 번호는요", "여권No."),
               "heldout16": ("여권번호(9자리)", "여권 No :"),
               "heldout17": ("여권 번호(영문)", "PASSPORT No:"),
               "heldout18": ("여권번호 :", "passport No."),
               "heldout19": ("여권 번호는", "Passport Number"),
               "heldout20": ("여권번호(PP)", "여권 No:"),
               "heldout21": ("여권번호는요", "여권(PP) No."),
               "heldout22": ("여권번호:", "Passport No:"),
               "heldout23": ("여권 번호(9자리):", "Passport no."),
               "heldout24": ("여권 번호 (PP)", "passport number"),
               "heldout25": ("여권 번호 (9자리)", "Passport no:"),
               "heldout26": ("여권 넘버:", "PASSPORT No"),
               "heldout27": ("여권번호 (Passport No.)", "여권 No.:"),
               "heldout28": ("여권 번호 (PASSPORT NO.)", "Passport Number:"),
               "heldout29": ("여권 번호 / Passport No.", "여권(PASSPORT) 번호 :"),
               "heldout30": ("여권 번호 (사진면 기재)", "패스포트 번호"),
               "heldout31": ("여권 번호(영문 포함)", "여권번호(대한민국)"),
               "heldout32": ("여권 번호 (만료일 확인)", "Passport No :"),
               "heldout33": ("여권 번호 (M으로 시작)", "여권번호 (영문 1자리 + 숫자)"),
               "heldout34": ("여권 번호 (유효기간 내)", "여권 No. (영문)"),
               "heldout35": ("여권 번호 (대한민국 여권)", "Passport No. (9 digits)"),
               "heldout36": ("여권 번호 (영문+숫자)", "여권번호 (만료 전)"),
               "heldout37": ("여권 번호 (출국용)", "Passport No. (여권)"),
               "heldout38": ("여권번호 (신규 발급)", "PASSPORT NO. :")},
    "KR_DRIVER_LICENSE": {TUNING: ("운전면허번호", "면허번호", "운전면허", "운전면허증 번호"),
                          HELDOUT: ("면허증 번호", "운전 면허 번호"),
                          "heldout3": ("운전면허 번호", "면허 번호"),
               "heldout4": ("운전 면허증 번호", "면허 No"),
               "heldout5": ("운전면허 No.", "면허증No"),
               "heldout6": ("운전면허증번호", "면허 번호(운전)"),
               "heldout7": ("운전 면허번호", "면허증 No."),
               "heldout8": ("운전면허번호(12자리)", "면허증 번호:"),
               "heldout9": ("운전면허 번호:", "면허번호(운전)"),
               "heldout10": ("운전면허는", "면허 번호:"),
               "heldout11": ("운전면허증 번호는", "DL No."),
               "heldout12": ("운전 면허 번호는", "면허증번호:"),
               "heldout13": ("운전면허 번호(12자리)", "면허 No."),
               "heldout14": ("운전면허증 No", "운전 면허번호는"),
               "heldout15": ("운전면허 번호는", "면허증 번호(운전)"),
               "heldout16": ("운전면허 No:", "운전면허증 번호는"),
               "heldout17": ("운전면허번호:", "면허 번호는"),
               "heldout18": ("운전 면허 번호:", "면허번호(12자리)"),
               "heldout19": ("운전면허증 번호:", "면허 번호는"),
               "heldout20": ("운전면허번호는", "면허증No."),
               "heldout21": ("운전 면허증 번호", "면허번호:"),
               "heldout22": ("운전면허 번호:", "면허증 번호는"),
               "heldout23": ("운전면허증 번호(12자리)", "운전 면허증 No."),
               "heldout24": ("운전면허증 No.", "면허 번호 :"),
               "heldout25": ("운전 면허 번호 (12자리)", "면허증번호 :"),
               "heldout26": ("운전면허증 번호 (12자리)", "면허번호 (운전)"),
               "heldout27": ("운전면허 번호 (12자리):", "면허증 번호 (운전)"),
               "heldout28": ("운전 면허증 번호 :", "Driver's License No."),
               "heldout29": ("운전면허 No. :", "면허증 (운전) 번호"),
               "heldout30": ("운전면허 번호 (지역 포함)", "License No."),
               "heldout31": ("운전 면허번호 :", "면허증 No. (12자리)"),
               "heldout32": ("운전면허증 번호 (앞면)", "운전면허 No :"),
               "heldout33": ("운전면허 번호 (12자리)", "운전면허증번호 (앞면 기재)"),
               "heldout34": ("운전면허번호 (면허증 우측 상단)", "면허 번호 (운전)"),
               "heldout35": ("운전면허 번호 (1종 보통)", "운전면허증 번호 :"),
               "heldout36": ("운전면허 번호 (2종 보통)", "면허번호 (운전면허증)"),
               "heldout37": ("운전면허 번호 (갱신)", "면허 번호 (1종)"),
               "heldout38": ("운전면허 번호 (국제면허 발급용)", "면허증번호 (적성검사)")},
    "KR_HEALTH_INSURANCE": {TUNING: ("건강보험증 번호", "건강보험번호", "건강보험 증번호", "건보 번호"),
                            HELDOUT: ("보험증번호", "건강보험 번호"),
                            "heldout3": ("건강보험증번호", "건강 보험 번호"),
               "heldout4": ("의료보험 번호", "건강보험증 No"),
               "heldout5": ("국민건강보험 번호", "건보증 번호"),
               "heldout6": ("건강보험 증 번호", "의료보험증 번호"),
               "heldout7": ("건강보험증 No", "건강 보험증 번호"),
               "heldout8": ("건강보험증번호(11자리)", "건보 증번호"),
               "heldout9": ("건강보험 증번호:", "보험증 No"),
               "heldout10": ("건강보험번호:", "건보번호"),
               "heldout11": ("건강보험 증번호는", "건강보험증 번호 :"),
               "heldout12": ("건강보험증번호는", "건보 증 번호"),
               "heldout13": ("건강보험증 번호(11자리)", "보험증 번호는"),
               "heldout14": ("건강보험 번호는", "건보 번호:"),
               "heldout15": ("건강보험 증 번호:", "건보 번호는"),
               "heldout16": ("건강보험증 No.", "건보증 번호는"),
               "heldout17": ("건강보험 번호 :", "보험증번호는"),
               "heldout18": ("건강보험증 번호는요", "건보 No."),
               "heldout19": ("건강보험 증번호", "건강보험증 No:"),
               "heldout20": ("건강보험 번호:", "건보 증번호"),
               "heldout21": ("건강보험증번호:", "보험증 번호는"),
               "heldout22": ("건강보험증 번호 :", "건강보험 번호는"),
               "heldout23": ("건강보험증 번호(본인)", "의료보험 증번호"),
               "heldout24": ("건강보험증 번호는", "건강보험 가입 번호"),
               "heldout25": ("건강 보험증 번호:", "건강보험 증 번호는"),
               "heldout26": ("건강보험증 No. :", "국민건강보험증 번호"),
               "heldout27": ("건강보험증 No (11자리)", "건보증 번호:"),
               "heldout28": ("건강 보험 번호 :", "건보 증 No."),
               "heldout29": ("건강보험 자격 번호 :", "건보 No. (본인)"),
               "heldout30": ("건강보험 번호(증)", "건강보험증 번호 (세대주)"),
               "heldout31": ("건강보험증번호 :", "건강보험 가입자 번호"),
               "heldout32": ("건강보험증 번호(피부양자)", "건강보험 증 번호 :"),
               "heldout33": ("건강보험증 번호 (11자리)", "건보증 번호 (본인)"),
               "heldout34": ("건강보험 번호 (가입자)", "건강보험증 번호 (직장)"),
               "heldout35": ("건강보험 증번호 (가입자)", "건강보험번호 :"),
               "heldout36": ("건강보험 증 번호 (피보험자)", "건보 번호 :"),
               "heldout37": ("건강보험증 번호 (세대원)", "건강 보험증 번호 :"),
               "heldout38": ("건강보험증번호 (직장가입자)", "보험증 번호 :")},
    "KR_BRN": {TUNING: ("사업자등록번호", "사업자번호", "사업자 등록번호", "사업자"),
               HELDOUT: ("사업자 번호", "사업자등록 No"),
               "heldout3": ("사업자 등록 번호", "사업자No"),
               "heldout4": ("사업자 No.", "사업자 등록No"),
               "heldout5": ("사업자번호(상호)", "Business No."),
               "heldout6": ("사업자 등록증 번호", "사업자번호:"),
               "heldout7": ("사업자 등록 No.", "사업자등록증번호"),
               "heldout8": ("사업자 등록번호:", "사업자 번호(10자리)"),
               "heldout9": ("사업자등록번호는", "BRN"),
               "heldout10": ("사업자 번호:", "사업자등록 번호는"),
               "heldout11": ("사업자 등록 번호는", "사업자등록번호 :"),
               "heldout12": ("사업자번호는", "사업자 등록 No"),
               "heldout13": ("사업자등록번호(10자리)", "사업자 No:"),
               "heldout14": ("사업자 등록 번호:", "사업자번호(10자리)"),
               "heldout15": ("사업자 번호는", "사업자등록 번호:"),
               "heldout16": ("사업자 등록번호(10자리)", "사업자번호 :"),
               "heldout17": ("사업자 등록 No:", "사업자등록번호 :"),
               "heldout18": ("사업자 번호(10자리)", "사업자 No.:"),
               "heldout19": ("사업자등록번호(10자리)", "사업자 등록 No."),
               "heldout20": ("사업자번호는", "사업자 등록번호 :"),
               "heldout21": ("사업자 등록번호는", "사업자번호:"),
               "heldout22": ("사업자등록번호는", "사업자 번호:"),
               "heldout23": ("사업자 등록증 번호:", "개인 사업자 번호"),
               "heldout24": ("사업자 등록 번호 :", "사업자등록 No."),
               "heldout25": ("사업자 등록 번호(10자리):", "사업자 No"),
               "heldout26": ("사업자등록 번호 (10자리)", "사업자번호 (본점)"),
               "heldout27": ("사업자 등록번호 (10자리):", "사업자 번호(개인)"),
               "heldout28": ("사업자 등록 번호(개인)", "BRN No."),
               "heldout29": ("사업자 등록 No. :", "사업자 (등록) 번호"),
               "heldout30": ("사업자 등록번호(개인/법인)", "Business Reg. No."),
               "heldout31": ("사업자 No :", "사업자 등록 번호(10자리)"),
               "heldout32": ("사업자등록번호 (간이과세)", "사업자번호 (개인사업자)"),
               "heldout33": ("사업자 번호 (10자리)", "사업자등록번호 (법인)"),
               "heldout34": ("사업자 등록번호 (본점) :", "사업자번호 (법인/개인)"),
               "heldout35": ("사업자 등록번호 (개인)", "사업자 번호 (간이)"),
               "heldout36": ("사업자 등록 번호 (간이)", "사업자등록 번호 :"),
               "heldout37": ("사업자 번호 (법인사업자)", "사업자 등록 No. (개인)"),
               "heldout38": ("사업자번호 (면세사업자)", "사업자 등록번호 (공급자)")},
    "KR_CRN": {TUNING: ("법인등록번호", "법인번호"), HELDOUT: ("법인 등록번호", "법인 번호"),
               "heldout3": ("법인 등록 번호", "법인등록No"),
               "heldout4": ("법인 등록No", "법인 No"),
               "heldout5": ("법인번호(등기)", "법인 등록 No."),
               "heldout6": ("법인 번호(등기부)", "법인등록 번호"),
               "heldout7": ("법인 등록번호(13자리)", "법인No."),
               "heldout8": ("법인등록번호:", "법인 등록 번호(등기)"),
               "heldout9": ("법인등록 No.", "법인 번호:"),
               "heldout10": ("법인등록번호는", "법인 No:"),
               "heldout11": ("법인 등록 번호는", "법인등록번호 :"),
               "heldout12": ("법인번호는", "법인 등록번호:"),
               "heldout13": ("법인등록번호(13자리)", "법인 번호는"),
               "heldout14": ("법인 등록No.", "법인번호 :"),
               "heldout15": ("법인 등록번호는", "법인번호(13자리)"),
               "heldout16": ("법인 등록 번호:", "법인등록번호는요"),
               "heldout17": ("법인 번호 :", "법인등록 번호는"),
               "heldout18": ("법인번호는요", "법인 등록No:"),
               "heldout19": ("법인 등록 번호:", "법인번호(13자리)"),
               "heldout20": ("법인 번호는", "법인등록 No."),
               "heldout21": ("법인등록번호는", "법인 No."),
               "heldout22": ("법인 등록번호는", "법인번호:"),
               "heldout23": ("법인 등록 번호(13자리)", "법인 등록증 번호"),
               "heldout24": ("법인 등록 번호 :", "법인등록 No:"),
               "heldout25": ("법인 등록 번호 (13자리)", "법인 번호(13자리):"),
               "heldout26": ("법인등록 번호:", "법인번호 (등기부)"),
               "heldout27": ("법인등록번호 (13자리):", "법인 번호 (등기)"),
               "heldout28": ("법인 등록번호 (등기)", "법인 No :"),
               "heldout29": ("법인 등록 No. :", "법인 (등록) 번호"),
               "heldout30": ("법인 등록번호 (등기부등본)", "Corporate Reg. No."),
               "heldout31": ("법인(등록)번호", "법인등록 No.:"),
               "heldout32": ("법인 등록번호(등기소)", "법인 번호 (13자리) :"),
               "heldout33": ("법인번호 (등기)", "법인 등록번호(본점)"),
               "heldout34": ("법인 등록번호 (13자리)", "법인등록 번호 (등기부)"),
               "heldout35": ("법인 등록번호 (본점 소재지)", "법인 번호 (등기소)"),
               "heldout36": ("법인 등록 번호 (주사무소)", "법인등록번호 (본점)"),
               "heldout37": ("법인 번호 (법인등기)", "법인 등록 번호 (지점)"),
               "heldout38": ("법인등록번호 (등기부등본)", "법인 번호 :")},
    "KR_BANK_ACCOUNT": {TUNING: ("국민은행", "계좌번호", "신한은행 계좌", "농협", "입금계좌", "카카오뱅크"),
                        HELDOUT: ("우리은행", "하나은행 계좌", "토스뱅크", "환불 계좌"),
                        "heldout3": ("기업은행", "입금 계좌", "새마을금고", "계좌 번호"),
               "heldout4": ("경남은행", "우체국 계좌", "신협", "KB 계좌", "대구은행 계좌", "입금처"),
               "heldout5": ("부산은행 계좌", "저축은행", "농협 입금", "IBK 계좌"),
               "heldout6": ("수협 계좌", "카카오뱅크 입금", "케이뱅크", "우체국 입금 계좌"),
               "heldout7": ("SC제일은행", "광주은행 계좌", "씨티 계좌", "송금 계좌"),
               "heldout8": ("전북은행", "제주은행 계좌", "산업은행", "입금하실 계좌"),
               "heldout9": ("케이뱅크 계좌", "농협 계좌번호", "입금 받을 계좌", "경남은행 입금"),
               "heldout10": ("신한 계좌", "국민 입금계좌", "토스 계좌번호", "환불받을 계좌"),
               "heldout11": ("하나 계좌", "우리 입금계좌", "카뱅 계좌", "입금 계좌번호는"),
               "heldout12": ("농협 계좌번호는", "기업 계좌", "새마을 입금", "받으실 계좌"),
               "heldout13": ("하나은행 계좌번호", "신한 입금", "토스 입금계좌", "환불 받으실 계좌"),
               "heldout14": ("국민 계좌번호", "우체국 입금계좌", "카카오뱅크 계좌번호는", "입금하실 곳 계좌"),
               "heldout15": ("농협 계좌는", "입금 계좌번호:", "하나은행 입금", "예금 계좌"),
               "heldout16": ("신한 계좌번호", "입금 계좌는", "기업은행 입금", "환불받으실 계좌번호"),
               "heldout17": ("우리 계좌번호", "입금하실 계좌:", "카카오 입금", "환불 계좌번호는"),
               "heldout18": ("토스 계좌번호", "입금 계좌(본인)", "농협 입금", "송금 계좌는"),
               "heldout19": ("카카오뱅크 계좌", "입금 계좌번호:", "환불받을 계좌", "신한 계좌번호는"),
               "heldout20": ("국민은행 계좌번호", "입금계좌:", "기업은행 통장", "환불 계좌번호는"),
               "heldout21": ("우체국 계좌", "입금 계좌는", "새마을금고 계좌번호", "환불 받을 계좌:"),
               "heldout22": ("하나은행 계좌번호", "입금 계좌:", "농협 통장", "환불 계좌:"),
               "heldout23": ("국민은행 계좌:", "출금 계좌번호", "우체국 통장번호", "농협 입금 계좌:"),
               "heldout24": ("신한은행 계좌번호:", "입금 계좌 번호", "케이뱅크 계좌번호", "반환 계좌:"),
               "heldout25": ("우리은행 계좌번호:", "입금 계좌 (본인)", "토스뱅크 계좌:", "환불용 계좌"),
               "heldout26": ("국민은행 입금 계좌:", "수협 계좌번호", "케이뱅크 통장:", "반환받을 계좌"),
               "heldout27": ("기업은행 계좌:", "하나은행 입금계좌", "카카오뱅크 계좌번호 :", "환불 받을 계좌"),
               "heldout28": ("농협 계좌 :", "우리은행 입금 계좌번호", "씨티은행 계좌", "환불 계좌 번호 :"),
               "heldout29": ("신한은행 입금 계좌 :", "새마을금고 계좌", "송금 받을 계좌", "정산 계좌 :"),
               "heldout30": ("입금하실 곳 (농협)", "카카오뱅크 계좌번호", "환불 계좌 (신한)", "계좌 (예금주 본인)"),
               "heldout31": ("입금 계좌 (국민은행)", "가상계좌 번호", "환불 받으실 계좌번호",
                             "계좌번호 (예금주 확인)"),
               "heldout32": ("입금 계좌 (하나은행)", "토스뱅크 계좌번호", "반환 계좌", "계좌번호 (본인 명의)"),
               "heldout33": ("입금 계좌 (우리은행)", "케이뱅크 입금 계좌", "환불 계좌번호 :", "계좌 (예금주 확인)"),
               "heldout34": ("입금 계좌 (기업은행)", "신협 입금 계좌", "환불 받을 계좌 (본인)",
                             "계좌번호 (예금주 본인)"),
               "heldout35": ("입금 계좌 (농협은행)", "산업은행 계좌", "환불 계좌 (예금주)", "이체 계좌번호 :"),
               "heldout36": ("입금 계좌 (SC제일은행)", "부산은행 계좌번호", "환불 계좌 (본인 명의)", "송금 계좌 :"),
               "heldout37": ("입금 계좌 (광주은행)", "우체국 계좌번호", "환불 계좌 (예금주명)", "입금할 계좌 :"),
               "heldout38": ("입금 계좌 (전북은행)", "토스뱅크 계좌번호", "환급 계좌 (본인)", "이체할 계좌 :")},
    "CREDIT_CARD": {TUNING: ("카드번호", "신용카드", "체크카드 번호", "카드"), HELDOUT: ("카드 번호", "결제카드"),
                    "heldout3": ("신용 카드", "카드No"),
               "heldout4": ("카드 No", "결제 카드번호", "신용카드 No."),
               "heldout5": ("카드 번호(결제)", "Card No."),
               "heldout6": ("신용카드 번호", "결제 카드 No"),
               "heldout7": ("카드 번호:", "체크 카드"),
               "heldout8": ("카드번호(16자리)", "신용 카드번호"),
               "heldout9": ("결제 카드 번호", "카드번호:"),
               "heldout10": ("카드 번호는", "결제카드 번호:"),
               "heldout11": ("카드번호는", "신용카드 No:"),
               "heldout12": ("결제 카드번호는", "카드No."),
               "heldout13": ("카드 번호(16자리)", "신용카드번호는"),
               "heldout14": ("결제카드 No.", "카드 번호 :"),
               "heldout15": ("카드번호 :", "신용카드 번호는"),
               "heldout16": ("카드 No.", "신용카드번호 :"),
               "heldout17": ("결제 카드:", "카드 번호는요"),
               "heldout18": ("카드번호(본인)", "결제카드 번호는"),
               "heldout19": ("카드 번호:", "신용카드번호(16자리)"),
               "heldout20": ("카드No", "결제 카드번호:"),
               "heldout21": ("카드번호는요", "신용카드 No."),
               "heldout22": ("카드 번호는", "신용카드 번호:"),
               "heldout23": ("체크카드 No.", "카드 번호(체크)"),
               "heldout24": ("카드 번호 (16자리)", "결제 카드 No."),
               "heldout25": ("카드 번호(본인):", "신용 카드 No."),
               "heldout26": ("체크카드번호:", "카드 No (결제)"),
               "heldout27": ("신용카드 번호 (16자리):", "결제용 카드 No."),
               "heldout28": ("카드 번호 (결제) :", "CARD NO."),
               "heldout29": ("결제 카드 No. :", "Card Number"),
               "heldout30": ("카드 No :", "카드 No. (결제용)"),
               "heldout31": ("카드번호 (16자리)", "결제카드 No :"),
               "heldout32": ("신용카드 번호 (결제용) :", "카드 번호(본인 명의)"),
               "heldout33": ("결제 카드번호 (16자리)", "신용카드 (결제)"),
               "heldout34": ("카드번호 (결제 카드)", "체크카드 번호 (결제)"),
               "heldout35": ("카드 번호 (결제용 카드)", "신용 카드번호 :"),
               "heldout36": ("카드번호 (결제용)", "신용카드 번호 (본인)"),
               "heldout37": ("카드 번호 (할부 결제)", "신용카드 No. :"),
               "heldout38": ("카드 번호 (법인카드)", "결제 카드 No. :")},
    "PHONE_NUMBER": {TUNING: ("연락처", "전화번호", "휴대폰", "핸드폰", "HP", "Tel", "☎"),
                     HELDOUT: ("휴대전화", "Mobile", "H.P", "문자"),
                     "heldout3": ("폰번호", "연락 번호", "☏", "Phone"),
               "heldout4": ("휴대폰 번호", "전번", "Cell"),
               "heldout5": ("핸드폰 번호", "연락 가능 번호", "Tel."),
               "heldout6": ("휴대 전화", "연락 주실 번호", "핸드폰 No"),
               "heldout7": ("휴대폰 No.", "연락 번호:", "폰"),
               "heldout8": ("HP.", "휴대폰번호:", "연락처(휴대폰)"),
               "heldout9": ("휴대폰:", "연락처는", "Tel:"),
               "heldout10": ("연락처:", "휴대폰 번호는", "TEL"),
               "heldout11": ("휴대폰 :", "연락처는요", "Mobile:"),
               "heldout12": ("핸드폰 번호는", "휴대폰번호 :", "Phone No."),
               "heldout13": ("휴대전화 번호는", "연락처(휴대폰):", "Tel No."),
               "heldout14": ("연락처 :", "휴대폰 번호(본인)", "핸드폰:"),
               "heldout15": ("연락처(본인)", "핸드폰번호는", "전화:"),
               "heldout16": ("휴대폰번호(본인)", "연락처는요", "Mobile No."),
               "heldout17": ("연락처(핸드폰)", "휴대폰 :", "H.P:"),
               "heldout18": ("연락처(본인):", "핸드폰 No.", "휴대전화:"),
               "heldout19": ("연락 가능한 번호", "휴대폰 번호:", "Tel."),
               "heldout20": ("연락처는요", "휴대폰:", "H.P."),
               "heldout21": ("휴대폰번호는", "연락처 :", "Mobile No."),
               "heldout22": ("연락 번호", "핸드폰:", "TEL"),
               "heldout23": ("전화 번호는", "휴대폰 번호 :", "H/P"),
               "heldout24": ("연락처 (휴대폰)", "핸드폰 번호:", "Phone:"),
               "heldout25": ("핸드폰 번호 :", "연락처(HP)", "Mobile :"),
               "heldout26": ("휴대 전화 번호:", "연락처 (핸드폰)", "TEL :"),
               "heldout27": ("휴대폰 (본인):", "연락처(휴대전화)", "Cell :"),
               "heldout28": ("핸드폰 :", "연락처(휴대폰 번호)", "TEL."),
               "heldout29": ("휴대폰 연락처 :", "Cellphone", "비상 연락처 :"),
               "heldout30": ("연락 가능한 번호 :", "휴대폰 No. (본인)", "HP :"),
               "heldout31": ("핸드폰 No :", "핸드폰 연락처", "Tel. (mobile)"),
               "heldout32": ("휴대폰 번호 (숫자만)", "연락처 (카톡 X)", "전화 :"),
               "heldout33": ("휴대폰번호 (본인)", "연락처(문자 가능)", "Mobile No. :"),
               "heldout34": ("휴대전화 번호 :", "연락처 (평일 9시~6시)", "Mobile phone :"),
               "heldout35": ("휴대폰 (연락 가능)", "연락처 (주간)", "Mobile Phone No."),
               "heldout36": ("핸드폰 번호 (본인) :", "연락처 (야간)", "Cell No."),
               "heldout37": ("연락처 (보호자)", "휴대전화 (긴급)", "Tel (mobile) :"),
               "heldout38": ("연락처 (대표)", "휴대폰 (카톡 가능)", "H.P :")},
    "EMAIL_ADDRESS": {TUNING: ("이메일", "메일", "E-mail", "메일 주소"), HELDOUT: ("이메일 주소", "Email"),
                      "heldout3": ("전자우편", "e-mail 주소"),
               "heldout4": ("이메일주소", "Mail", "메일 계정"),
               "heldout5": ("메일주소", "E-Mail"),
               "heldout6": ("메일 주소:", "이 메 일"),
               "heldout7": ("메일주소:", "e메일"),
               "heldout8": ("이메일:", "메일(개인)"),
               "heldout9": ("이메일은", "E-mail:"),
               "heldout10": ("이메일 주소는", "메일:"),
               "heldout11": ("메일 주소는", "E-mail :"),
               "heldout12": ("이메일은요", "메일 주소 :"),
               "heldout13": ("이메일 주소(아이디)", "메일은요"),
               "heldout14": ("이메일(아이디)", "메일주소는"),
               "heldout15": ("메일 주소(아이디)", "이메일 :"),
               "heldout16": ("이메일주소:", "메일 계정은"),
               "heldout17": ("이메일 계정", "E-mail 주소:"),
               "heldout18": ("메일(본인)", "이메일주소는"),
               "heldout19": ("이메일(본인):", "E-Mail 주소"),
               "heldout20": ("메일주소:", "e-mail은"),
               "heldout21": ("이메일은요", "메일 :"),
               "heldout22": ("메일 주소는", "E-mail:"),
               "heldout23": ("이메일 주소 :", "메일 주소(본인)"),
               "heldout24": ("이메일 (본인)", "E-MAIL:"),
               "heldout25": ("메일 주소 (본인)", "e-mail :"),
               "heldout26": ("이메일 계정 :", "E-mail 주소 (본인)"),
               "heldout27": ("이메일 (아이디):", "메일주소 (회신용)"),
               "heldout28": ("회신 메일 :", "Email (회신)"),
               "heldout29": ("메일 (회신용) :", "E-Mail Address"),
               "heldout30": ("메일 주소(필수)", "이메일 (회신 받을 곳)"),
               "heldout31": ("메일 (회신용)", "e-mail 주소 :"),
               "heldout32": ("이메일 (아이디)", "연락 이메일 :"),
               "heldout33": ("메일주소 (아이디)", "이메일 주소(회신)"),
               "heldout34": ("이메일 (회신 주소)", "메일 (문의 접수)"),
               "heldout35": ("이메일 (연락용)", "메일 주소 (회신)"),
               "heldout36": ("이메일 (로그인 ID)", "메일 주소 (업무용)"),
               "heldout37": ("이메일 (세금계산서)", "메일 (견적 회신)"),
               "heldout38": ("이메일 (계약서 송부)", "메일주소 (회신용)")},
    "IP_ADDRESS": {TUNING: ("접속 IP", "IP 주소"), HELDOUT: ("아이피", "IP"),
                   "heldout3": ("IP Address", "접속 아이피"),
               "heldout4": ("접속 IP 주소", "ip address"),
               "heldout5": ("IP주소", "접속IP"),
               "heldout6": ("접속 IP address", "아이피 주소"),
               "heldout7": ("접속 아이피 주소", "IP addr"),
               "heldout8": ("접속IP주소", "아이피:"),
               "heldout9": ("IP:", "접속 ip"),
               "heldout10": ("ip 주소", "IP address:"),
               "heldout11": ("접속 IP는", "IP :"),
               "heldout12": ("아이피 주소는", "접속 IP :"),
               "heldout13": ("IP 주소는", "접속 아이피:"),
               "heldout14": ("접속 IP주소", "IP 주소 :"),
               "heldout15": ("IP주소는", "접속 IP(공인)"),
               "heldout16": ("접속 IP 주소는", "아이피 :"),
               "heldout17": ("접속IP :", "IP주소:"),
               "heldout18": ("IP(접속)", "접속 아이피는"),
               "heldout19": ("접속 IP:", "IP 주소는"),
               "heldout20": ("접속 IP는", "IP:"),
               "heldout21": ("아이피:", "접속IP는"),
               "heldout22": ("접속 아이피:", "IP address"),
               "heldout23": ("IP 주소:", "접속 아이피 주소:"),
               "heldout24": ("접속 IP 주소:", "IP Addr."),
               "heldout25": ("접속 IP 주소 :", "접속 아이피(IP)"),
               "heldout26": ("접속 IP (공인):", "아이피 주소 :"),
               "heldout27": ("접속지 IP :", "IP 주소 (접속)"),
               "heldout28": ("IP (접속지)", "접속 아이피 :"),
               "heldout29": ("접속 아이피 (IP) :", "Client IP :"),
               "heldout30": ("접속한 IP", "IP Addr"),
               "heldout31": ("접속자 IP 주소", "IP addr."),
               "heldout32": ("접속 IP (로그)", "접속 아이피 (로그인)"),
               "heldout33": ("접속 IP 주소 (로그)", "아이피 (접속)"),
               "heldout34": ("접속 IP (관리자)", "최근 접속 IP :"),
               "heldout35": ("접속 IP (서버 로그)", "아이피 (관리자)"),
               "heldout36": ("접속 IP (최근 로그인)", "IP (접속 기록)"),
               "heldout37": ("접속 IP (VPN)", "아이피 주소 (로그)"),
               "heldout38": ("접속 IP (관리자)", "아이피 (차단 대상)")},
    "KR_VEHICLE_PLATE": {TUNING: ("차량번호", "차 번호"), HELDOUT: ("차량 번호", "번호판"),
                         "heldout3": ("차량 넘버", "자동차 번호"),
               "heldout4": ("차량 No", "차번"),
               "heldout5": ("차량번호판", "차량No"),
               "heldout6": ("차 번호판", "차량 등록 번호"),
               "heldout7": ("차량 번호:", "자동차 번호판"),
               "heldout8": ("차량번호(번호판)", "차 넘버"),
               "heldout9": ("차량번호:", "내 차 번호"),
               "heldout10": ("차량 번호는", "차번호"),
               "heldout11": ("차량 번호 :", "차량번호는"),
               "heldout12": ("차량번호 :", "차 번호는"),
               "heldout13": ("차량 넘버는", "차량 번호(번호판)"),
               "heldout14": ("차량 번호는요", "차량번호(등록)"),
               "heldout15": ("차량번호는요", "자동차 번호:"),
               "heldout16": ("차량번호(번호판)", "차 넘버:"),
               "heldout17": ("차량 No.", "차 번호:"),
               "heldout18": ("차량번호는", "차 번호(등록)"),
               "heldout19": ("차량 번호:", "자동차 번호는"),
               "heldout20": ("차량번호 :", "차번호"),
               "heldout21": ("차량번호는요", "차 번호 :"),
               "heldout22": ("차량 번호는", "차량No."),
               "heldout23": ("차량 등록 번호:", "차 넘버는"),
               "heldout24": ("차량 번호판:", "등록 차량 번호"),
               "heldout25": ("차량 번호 (등록)", "차량넘버:"),
               "heldout26": ("차량 번호판 :", "자동차 등록번호"),
               "heldout27": ("차량 번호 (번호판):", "차량 등록번호 :"),
               "heldout28": ("차량번호 (등록) :", "자동차 번호판 :"),
               "heldout29": ("등록 차량 (번호) :", "차량 No. :"),
               "heldout30": ("차량 번호 (앞 번호판)", "주차 차량 번호"),
               "heldout31": ("자동차 번호 (등록용)", "차번호 (방문 등록)"),
               "heldout32": ("차량 번호 (출입 등록)", "차량 번호 (주차 등록) :"),
               "heldout33": ("차량 번호판 (앞)", "등록 차량번호"),
               "heldout34": ("차량번호 (방문 차량)", "방문 차량 번호 :"),
               "heldout35": ("차량 번호 (출입 차량)", "등록 차량 번호 :"),
               "heldout36": ("차량 번호 (주차장 등록)", "차량번호 (방문)"),
               "heldout37": ("차량 번호 (정기 주차)", "차 번호 (방문객)"),
               "heldout38": ("차량 번호 (입차)", "차량번호 (출입 등록)")},
    "KR_ADDRESS": {TUNING: ("주소", "소재지", "거주지", "배송지"), HELDOUT: ("주소지", "자택 주소"),
                   "heldout3": ("현주소", "우편물 주소"),
               "heldout4": ("주 소", "도로명 주소"),
               "heldout5": ("실거주지", "배송 주소"),
               "heldout6": ("거주 주소", "주소(도로명)"),
               "heldout7": ("주소(지번)", "사는 곳"),
               "heldout8": ("주소:", "배송받을 주소"),
               "heldout9": ("주소는", "배송지 주소"),
               "heldout10": ("주소지:", "사시는 곳"),
               "heldout11": ("주소 :", "거주지는"),
               "heldout12": ("집 주소", "주소는요"),
               "heldout13": ("주소(도로명)는", "거주지 주소"),
               "heldout14": ("주소(지번)는", "배송 받을 주소"),
               "heldout15": ("주소 (도로명)", "사는 곳 주소"),
               "heldout16": ("주소지는", "거주지(도로명)"),
               "heldout17": ("주소(우편물)", "사는곳:"),
               "heldout18": ("주소(본인)", "거주지 주소:"),
               "heldout19": ("주소지(도로명):", "현 거주지"),
               "heldout20": ("거주지(지번)", "배송지:"),
               "heldout21": ("사는 곳:", "주소(현)"),
               "heldout22": ("현주소:", "배송지 주소는"),
               "heldout23": ("자택 주소:", "배송 주소는"),
               "heldout24": ("주소 (자택)", "거주지 주소는"),
               "heldout25": ("주소 (도로명):", "배송지 주소 :"),
               "heldout26": ("거주지 주소 :", "자택 주소(도로명)"),
               "heldout27": ("주소지 (도로명) :", "실거주지 주소"),
               "heldout28": ("주소 (자택) :", "거주지 (도로명) :"),
               "heldout29": ("주소 (거주지) :", "수령 주소 (도로명) :"),
               "heldout30": ("배송지 (도로명 주소)", "자택 (거주지) 주소"),
               "heldout31": ("주소 (배송 받을 곳)", "현 거주지 주소"),
               "heldout32": ("주소 (등기 우편 받을 곳)", "실제 거주 주소 :"),
               "heldout33": ("주소 (실거주지)", "배송 주소 :"),
               "heldout34": ("주소 (우편물 수령지)", "실제 거주지 :"),
               "heldout35": ("주소 (현 거주지)", "배송 받을 주소 :"),
               "heldout36": ("주소 (택배 수령지)", "현 주소 :"),
               "heldout37": ("주소 (등기부상)", "배송지 주소 (기본)"),
               "heldout38": ("주소 (사업장)", "반송 주소 :")},
    "PERSON": {TUNING: ("성명", "이름", "담당자", "예금주", "작성자", "신청인"), HELDOUT: ("성함", "고객명", "수령인"),
               "heldout3": ("계약자명", "인수자", "보호자 성명", "참석자"),
               "heldout4": ("피상속인", "예약자명", "의뢰인", "성 명", "대상자"),
               "heldout5": ("위임인", "상속인", "작성자명", "담당자 성명", "보증인"),
               "heldout6": ("임차인", "구매자명", "보호자명", "수강생", "고객 성함"),
               "heldout7": ("입금자명", "교육생", "주문자 성함", "참가자", "회원명"),
               "heldout8": ("보내는 분 성함", "수신인명", "동문", "학생 이름", "예약자"),
               "heldout9": ("신청자 성함", "받는 사람", "계약자 이름", "성명:", "환자 이름"),
               "heldout10": ("보호자 이름", "신청인 성함", "대표자명", "받는 분:", "작성자 이름"),
               "heldout11": ("담당자 이름", "신청자명", "보호자 성함", "계약자 :", "예금주명"),
               "heldout12": ("환자 성명", "가입자명", "신청인 이름", "수취인 :", "대표자 성명"),
               "heldout13": ("고객 성명", "피보험자명", "신청자 성명", "세대주 :", "작성자 성함"),
               "heldout14": ("의뢰인 성함", "신청인:", "회원 이름", "보호자 :", "수령자명"),
               "heldout15": ("환자명:", "학부모 성함", "담당 선생님", "예약자 성함", "지원자명"),
               "heldout16": ("담당 간호사", "예약자:", "회원님 성함", "신청 학생", "수취인명"),
               "heldout17": ("담당 약사", "환자 이름:", "예약 고객명", "방문자:", "학생명"),
               "heldout18": ("담당 의사", "보호자명:", "환자 성함", "예약자 이름", "수령인:"),
               "heldout19": ("담당 변호사", "수취인 성함", "보호자 이름:", "계약자 성명", "방문자 성함"),
               "heldout20": ("담당 세무사", "입금자 성함", "신청자 이름:", "보호자명", "참석자 성함"),
               "heldout21": ("담당 노무사", "신청인 성함", "예약자명:", "수령인 이름", "보호자 성함"),
               "heldout22": ("담당 상담사", "예금주 성함", "작성자 이름:", "수취인명", "보호자 성명"),
               "heldout23": ("담당 치료사", "신청인 이름:", "가입자 성함", "대리인", "수령자 성함"),
               "heldout24": ("담당 코치", "예약자 성명", "의뢰인 이름:", "세입자", "접수자 성함"),
               "heldout25": ("담당 강사님", "신청자 성함:", "보호자 이름 :", "위탁인", "수강자 성명"),
               "heldout26": ("담당 선생님 :", "접수자명", "예약자 성함 :", "수취인 이름", "상담자 성명"),
               "heldout27": ("담당 물리치료사", "신청인 성명 :", "예약인 성명", "수령인 성함:", "피보험자"),
               "heldout28": ("담당 영양사", "예약자 이름 :", "신청인명", "인수인 성함", "연대보증인"),
               "heldout29": ("담당 수의사", "보호자 성명 :", "참가자명", "수강생 성함", "공동명의인"),
               "heldout30": ("담당 작업치료사", "신청자 성명 :", "예약인 이름", "수령인명", "공동보증인"),
               "heldout31": ("담당 언어치료사", "보호자명 :", "계약자 성함", "세입자 이름", "공동 임차인"),
               "heldout32": ("담당 음악치료사", "매수인 성명 :", "임대인 성함", "수탁자 이름", "공동 매도인"),
               "heldout33": ("담당 치위생사", "매도인 성명 :", "임차인 성함", "수령자 이름", "공동 상속인"),
               "heldout34": ("담당 임상병리사", "매수자 성명 :", "임대인 이름", "수취인명 :", "공동 대표자"),
               "heldout35": ("담당 작업 치료사", "매도인 이름 :", "임차인 성명", "수령인 이름 :", "공동 신청인"),
               "heldout36": ("담당 반려견 훈련사", "매수인 이름 :", "임대인 성명", "수취인 성명 :", "공동 보증인"),
               "heldout37": ("담당 치기공사", "매도자 성명 :", "임대인명 :", "수취인 (성함)", "공동 임대인"),
               "heldout38": ("담당 요양보호사", "매수자 성명 :", "세입자명 :", "수령자 (성함)", "공동 매수인")},
}
#: Identifiers whose cells need their label: no checksum and no shape that sets them apart.
NEEDS_LABEL = frozenset({"KR_PASSPORT", "KR_HEALTH_INSURANCE", "KR_BANK_ACCOUNT", "PERSON"})
GROUPED = {
    "KR_RRN": rrn_groups(),
    "KR_FRN": rrn_groups(foreigner=True),
    "PHONE_NUMBER": phone_groups(),
    "CREDIT_CARD": card_groups(),
    "KR_BRN": brn_groups(),
    "KR_CRN": crn_groups(),
    "KR_DRIVER_LICENSE": licence_groups(),
    "KR_BANK_ACCOUNT": account_groups(),
    "KR_HEALTH_INSURANCE": health_groups(),
}
ENTITIES = (*GROUPED, "KR_PASSPORT", "EMAIL_ADDRESS", "IP_ADDRESS", "KR_VEHICLE_PLATE", "KR_ADDRESS", "PERSON")


#: The families added after the rounds began (stop 57: names' contexts and given names), which ``_rotate`` moves from
#: then on.
_LATE_FAMILIES: list[dict] = []


def _rotate(nxt: str, keep: Sequence[dict] = ()) -> None:
    """The held-out half joins the tuning half (its failures were read, docs/pii.md), and the half
    written next, ``nxt``, becomes the held-out half: stop 29 (``heldout3``), stop 31 (``heldout4``).
    The families in ``keep`` stay as they are."""
    for family in (SEPARATORS, DIGIT_FORMS, EMAIL_FORMS, CONTAINERS, PARTICLES, GENRES,
                   *LABELS.values(), *_LATE_FAMILIES):
        if any(family is k for k in keep):
            continue
        if isinstance(family[TUNING], dict):
            family[TUNING] = {**family[TUNING], **family[HELDOUT]}
        else:
            family[TUNING] = tuple(dict.fromkeys((*family[TUNING], *family[HELDOUT])))
        family[HELDOUT] = family.pop(nxt)


def _korean_words(value: str, table: str, spaced: bool) -> str:
    import re

    words = "".join(table[int(c)] if c.isdigit() else c for c in value)
    return re.sub(f"(?<=[{table}])(?=[{table}])", " ", words) if spaced else words


#: Where a separator with digits or markup of its own stands while the digits are rewritten: a noncharacter no writing
#: produces (a NUL was, until a writing put one after every digit).
_SEP_PLACEHOLDER = "\uffff"


@st.composite
def written(draw: st.DrawFn, entity: str, half: str) -> tuple[str, str]:
    """(value as written, writing name) for one identifier."""
    if entity in GROUPED:
        groups = draw(GROUPED[entity])
        sep_name, sep = draw(st.sampled_from(SEPARATORS[half]))
        if sep_name in ("none",) and entity in ("KR_RRN", "KR_FRN", "KR_CRN") and draw(st.booleans()):
            sep_name, sep = "hyphen", "-"
        joint = sep
        # a separator with digits of its own (&#45;) keeps them as written, and one with markup its markup
        # (-<!-- --> beside full-width digits is not <!－－ －－>, which no page shows)
        if any(c.isdigit() for c in sep) or "<" in sep:
            sep = _SEP_PLACEHOLDER
        value = sep.join(groups)
        form = (
            draw(st.sampled_from(DIGIT_FORMS[half])) if entity in ("PHONE_NUMBER", "KR_RRN", "CREDIT_CARD") else "ascii"
        )
        if form == "fullwidth":
            value = value.translate(_FULLWIDTH)
        elif form == "fullwidth_mixed":
            value = "".join(c.translate(_FULLWIDTH) if i % 2 else c for i, c in enumerate(value))
        elif form == "korean_words_mixed":
            if entity != "PHONE_NUMBER":
                form = "ascii"
            else:  # every other group in digit words: 010 일이삼사 5678
                table = draw(st.sampled_from(_KOREAN_DIGITS))
                value = sep.join(_korean_words(g, table, False) if i % 2 else g for i, g in enumerate(groups))
        elif form == "korean_words_with_digits_spaced":
            if entity != "PHONE_NUMBER":
                form = "ascii"
            else:  # the first group in digits, the rest spelled one by one: 010 일 이 삼 사 오 육 칠 팔
                table = draw(st.sampled_from(_KOREAN_DIGITS))
                value = sep.join(g if i == 0 else _korean_words(g, table, True) for i, g in enumerate(groups))
        elif form == "letters_o_and_l":
            if entity != "PHONE_NUMBER":
                form = "ascii"
            else:  # both look-alikes in one number: O1O-l234-5678
                value = value.replace("0", "O").replace("1", "l")
        elif form == "korean_words_last_group":
            if entity != "PHONE_NUMBER":
                form = "ascii"
            else:  # only the last group in digit words: 010-1234-오육칠팔
                table = draw(st.sampled_from(_KOREAN_DIGITS))
                value = sep.join(_korean_words(g, table, False) if i == len(groups) - 1 else g
                                 for i, g in enumerate(groups))
        elif form == "korean_words_first_group":
            if entity != "PHONE_NUMBER":
                form = "ascii"
            else:  # only the first group in digit words: 공일공-1234-5678
                table = draw(st.sampled_from(_KOREAN_DIGITS))
                value = sep.join(_korean_words(g, table, False) if i == 0 else g for i, g in enumerate(groups))
        elif form == "korean_words_middle_group":
            if entity != "PHONE_NUMBER" or len(groups) < 3:
                form = "ascii"
            else:  # only a middle group in digit words: 010-일이삼사-5678
                table = draw(st.sampled_from(_KOREAN_DIGITS))
                value = sep.join(_korean_words(g, table, False) if i == 1 else g for i, g in enumerate(groups))
        elif form == "fullwidth_first_group":  # only the first group in full-width digits: ８３０２０７-2555896
            value = sep.join(g.translate(_FULLWIDTH) if i == 0 else g for i, g in enumerate(groups))
        elif form == "fullwidth_last_group":  # only the last group in full-width digits: 830207-２５５５８９６
            value = sep.join(g.translate(_FULLWIDTH) if i == len(groups) - 1 else g for i, g in enumerate(groups))
        elif form == "korean_words_spaced_first_group":
            if entity != "PHONE_NUMBER":
                form = "ascii"
            else:  # the first group spelled one word at a time: 공 일 공-1234-5678
                table = draw(st.sampled_from(_KOREAN_DIGITS))
                value = sep.join(_korean_words(g, table, True) if i == 0 else g for i, g in enumerate(groups))
        elif form == "fullwidth_middle_group":
            if len(groups) < 3:
                form = "ascii"
            else:  # only a middle group in full-width digits: 010-１２３４-5678
                value = sep.join(g.translate(_FULLWIDTH) if i == 1 else g for i, g in enumerate(groups))
        elif form == "korean_words_spaced_last_group":
            if entity != "PHONE_NUMBER":
                form = "ascii"
            else:  # the last group spelled one word at a time: 010-1234-오 육 칠 팔
                table = draw(st.sampled_from(_KOREAN_DIGITS))
                value = sep.join(_korean_words(g, table, True) if i == len(groups) - 1 else g
                                 for i, g in enumerate(groups))
        elif form == "fullwidth_first_and_last_groups":  # ８３０２０７-２５５５８９６, ０１０-1234-５６７８
            value = sep.join(g.translate(_FULLWIDTH) if i in (0, len(groups) - 1) else g for i, g in enumerate(groups))
        elif form == "korean_words_alternating":
            if entity != "PHONE_NUMBER":
                form = "ascii"
            else:  # every other digit a digit word, as ads write it to slip past filters: 0일0-1이3사-5육7팔
                table = draw(st.sampled_from(_KOREAN_DIGITS))
                k = 0
                parts = []
                for g in groups:
                    chars = []
                    for c in g:
                        chars.append(table[int(c)] if k % 2 else c)
                        k += 1
                    parts.append("".join(chars))
                value = sep.join(parts)
        elif form == "mathematical_bold":  # spam's bold digits, no ASCII digit among them: 𝟎𝟏𝟎-𝟏𝟐𝟑𝟒
            value = sep.join("".join(chr(0x1D7CE + int(c)) for c in g) for g in groups)
        elif form == "circled_digits":  # ⓪①⓪-①②③④-⑤⑥⑦⑧, as classified ads write numbers past filters
            value = sep.join("".join("\u24ea" if c == "0" else chr(0x245F + int(c)) for c in g) for g in groups)
        elif form == "dingbat_circled_sans":  # 🄋➀🄋-➀➁➂➃
            value = sep.join("".join("\U0001f10b" if c == "0" else chr(0x277F + int(c)) for c in g) for g in groups)
        elif form == "korean_words_with_fullwidth":
            if entity != "PHONE_NUMBER":
                form = "ascii"
            else:  # the first group in digit words, the others full-width: 공일공-１２３４-５６７８
                table = draw(st.sampled_from(_KOREAN_DIGITS))
                value = sep.join(_korean_words(g, table, False) if i == 0 else g.translate(_FULLWIDTH)
                                 for i, g in enumerate(groups))
        elif form == "hanja_middle_group":
            if len(groups) < 3:
                form = "ascii"
            else:  # 010-一二三四-5678
                value = sep.join("".join("〇一二三四五六七八九"[int(c)] for c in g) if i == 1 else g
                                 for i, g in enumerate(groups))
        elif form == "superscript_digits":  # ⁰¹⁰-¹²³⁴-⁵⁶⁷⁸
            value = sep.join(g.translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")) for g in groups)
        elif form == "korean_words_ppang_zero":
            if entity != "PHONE_NUMBER":
                form = "ascii"
            else:  # zero said as 빵, as people read a phone number aloud: 빵일빵-일이삼사-오육칠팔
                value = sep.join(_korean_words(g, "빵일이삼사오육칠팔구", False) for g in groups)
        elif form == "zero_width_space_between_digits":  # zero-width spaces between digits, against scrapers
            value = sep.join("\u200b".join(g) for g in groups)
        elif form == "korean_words_every_other_digit":
            if entity != "PHONE_NUMBER":
                form = "ascii"
            else:  # every other digit a digit word, against filters: 0일0-1이3사-5육7팔
                table = draw(st.sampled_from(_KOREAN_DIGITS))
                value = sep.join("".join(table[int(c)] if j % 2 else c for j, c in enumerate(g)) for g in groups)
        elif form == "circled_every_other_digit":  # 0①0-1②3④-5⑥7⑧
            value = sep.join("".join("⓪①②③④⑤⑥⑦⑧⑨"[int(c)] if j % 2 else c for j, c in enumerate(g))
                             for g in groups)
        elif form == "fullwidth_every_other_digit":  # 0１0-1２3４-...
            value = sep.join("".join(c.translate(_FULLWIDTH) if j % 2 else c for j, c in enumerate(g)) for g in groups)
        elif form == "hanja_every_other_digit":  # 0一0-1二3四-...: every other digit a Hanja numeral
            value = sep.join("".join("〇一二三四五六七八九"[int(c)] if j % 2 else c for j, c in enumerate(g))
                             for g in groups)
        elif form == "span_per_digit":  # every digit in its own span, against scrapers: <span>0</span><span>1</span>
            value = sep.join("".join(f"<span>{c}</span>" for c in g) for g in groups)
        elif form == "combining_strikethrough":  # 0̶1̶0̶: a fancy-text generator's struck-through digits
            value = sep.join("".join(c + "\u0336" for c in g) for g in groups)
        elif form == "segmented_digits":  # 🯰🯱🯰: the seven-segment digits of Unicode 13's legacy computing block
            value = sep.join(g.translate(str.maketrans("0123456789", "".join(map(chr, range(0x1FBF0, 0x1FBFA)))))
                             for g in groups)
        elif form == "markdown_bold_groups":  # **010**-**1234**-**5678**: every group bold in Markdown
            value = sep.join(f"**{g}**" for g in groups)
        elif form == "markdown_code_groups":  # `010`-`1234`-`5678`: every group a code span, as chat apps show it
            value = sep.join(f"`{g}`" for g in groups)
        elif form == "digit_numeric_entities":  # &#48;&#49;&#48;-...: every digit an HTML character reference
            value = sep.join("".join(f"&#{ord(c)};" for c in g) for g in groups)
        elif form == "digit_hex_entities":  # &#x30;&#x31;&#x30;-...: every digit a hexadecimal character reference
            value = sep.join("".join(f"&#x{ord(c):x};" for c in g) for g in groups)
        elif form == "native_korean_digit_words":
            if entity != "PHONE_NUMBER":
                form = "ascii"
            else:  # as a radio operator or a call centre reads digits apart: 공하나공-하나둘삼넷-오여섯칠팔
                value = sep.join("".join(_NATIVE_DIGITS[int(c)] for c in g) for g in groups)
        elif form == "markdown_italic_groups":  # *010*-*1234*-*5678*: every group in Markdown italics
            value = sep.join(f"*{g}*" for g in groups)
        elif form == "ieung_for_zero":  # ㅇ1ㅇ-1234-5678: the jamo ㅇ typed for a zero, as ads write it past filters
            if not any(c == "0" for c in value) or any(set(g) == {"0"} for g in groups):
                form = "ascii"  # a group of ㅇ alone reads as a mask (010-ㅇㅇㅇㅇ-5678)
            else:
                value = value.replace("0", "\u3147")
        elif form == "bbcode_color_per_group":  # [color=red]010[/color]-...: a forum's coloured groups in BBCode
            value = sep.join(f"[color=red]{g}[/color]" for g in groups)
        elif form == "soft_hyphen_between_digits":  # 0&shy;1&shy;0 as text: soft hyphens a page's hyphenator left
            value = sep.join("\u00ad".join(g) for g in groups)
        elif form == "fullwidth_cp949_mojibake":  # ０１０ of an EUC-KR page read as Latin-1: £°£±£°
            value = sep.join("".join("\u00a3" + chr(0xB0 + int(c)) for c in g) for g in groups)
        elif form == "digit_then_cgj":  # a combining grapheme joiner after each digit, against number filters
            value = sep.join("".join(c + "\u034f" for c in g) for g in groups)
        elif form == "utf16_nul_per_digit":  # 0\x001\x000\x00: UTF-16 text read one byte a character
            value = sep.join("".join(c + "\x00" for c in g) for g in groups)
        elif form == "hanja_formal_digits":  # 零壹零-壹貳參肆-伍陸柒捌: the formal numerals of contracts and cheques
            value = sep.join("".join("零壹貳參肆伍陸柒捌玖"[int(c)] for c in g) for g in groups)
        elif form == "english_digit_words":
            if entity != "PHONE_NUMBER":
                form = "ascii"
            else:  # zero one zero - one two three four ...: digits spelled in English, as ads write them past filters
                words = "zero one two three four five six seven eight nine".split()
                value = sep.join(" ".join(words[int(c)] for c in g) for g in groups)
        elif form == "html_comment_inside_groups":  # 01<!---->0-12<!---->34: an anti-scraping split of each group
            value = sep.join(g[:len(g) // 2] + "<!---->" + g[len(g) // 2:] for g in groups)
        elif form == "wbr_between_digits":  # 0<wbr>1<wbr>0: word-break hints a page puts in long numbers
            value = sep.join("<wbr>".join(g) for g in groups)
        elif form == "fullwidth_utf8_mojibake":  # ０１０ in UTF-8 read as Windows-1252: ï¼\x90ï¼\x91ï¼\x90
            value = sep.join("".join(chr(0xFF10 + int(c)).encode("utf-8").decode("latin-1") for c in g) for g in groups)
        elif form == "digit_emoji_selector":  # 0️1️0️: each digit with the emoji presentation selector, no keycap
            value = sep.join("".join(c + "\ufe0f" for c in g) for g in groups)
        elif form == "font_tag_per_group":  # <font color="#ff0000">010</font>-...: an old board's coloured groups
            value = sep.join(f'<font color="#ff0000">{g}</font>' for g in groups)
        elif form == "subscript_digits":  # ₀₁₀-₁₂₃₄-₅₆₇₈, as a fancy-text generator writes them
            value = sep.join(g.translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")) for g in groups)
        elif form == "combining_low_line":  # 0̲1̲0̲: every digit underlined with the combining low line
            value = sep.join("".join(c + "\u0332" for c in g) for g in groups)
        elif form == "combining_enclosing_circle":  # 0⃝1⃝0⃝: a digit and the combining enclosing circle
            value = sep.join("".join(c + "\u20dd" for c in g) for g in groups)
        elif form == "keycap_without_selector":  # 0⃣1⃣0⃣: the digit and the combining keycap, no emoji selector
            value = sep.join("".join(c + "\u20e3" for c in g) for g in groups)
        elif form == "hanja_last_group":  # 010-1234-五六七八, 830207-二五五五八九六
            value = sep.join("".join("〇一二三四五六七八九"[int(c)] for c in g) if i == len(groups) - 1 else g
                             for i, g in enumerate(groups))
        elif form == "white_circle_zero":  # ○1○-1234-5678: the white circle Korean text writes for a zero
            if any(set(g) == {"0"} for g in groups):
                form = "ascii"  # a group of circles alone is a mask (010-○○○○-5678), undecidable: not drawn
            else:
                value = value.replace("0", "\u25cb")
        elif form == "keycap_emoji":  # 0️⃣1️⃣0️⃣-1️⃣2️⃣3️⃣4️⃣: a digit, the emoji selector and the combining keycap
            value = sep.join("".join(c + "\ufe0f\u20e3" for c in g) for g in groups)
        elif form == "hanja_first_group":  # 〇一〇-1234-5678, 八三〇二〇七-2555896
            value = sep.join("".join("〇一二三四五六七八九"[int(c)] for c in g) if i == 0 else g
                             for i, g in enumerate(groups))
        elif form == "hanja_digits":  # 〇一〇-一二三四-五六七八, as ads write numbers past filters
            value = sep.join("".join("〇一二三四五六七八九"[int(c)] for c in g) for g in groups)
        elif form == "sans_serif_digits":  # 𝟢𝟣𝟢-𝟣𝟤𝟥𝟦
            value = sep.join("".join(chr(0x1D7E2 + int(c)) for c in g) for g in groups)
        elif form == "negative_circled":  # ⓿❶⓿-❶❷❸❹
            value = sep.join("".join("\u24ff" if c == "0" else chr(0x2775 + int(c)) for c in g) for g in groups)
        elif form == "sans_serif_bold":  # 𝟬𝟭𝟬-𝟭𝟮𝟯𝟰
            value = sep.join("".join(chr(0x1D7EC + int(c)) for c in g) for g in groups)
        elif form in ("double_struck", "monospace_digits"):  # 𝟘𝟙𝟘-𝟙𝟚𝟛𝟜, 𝟶𝟷𝟶-𝟷𝟸𝟹𝟺
            base = 0x1D7D8 if form == "double_struck" else 0x1D7F6
            value = sep.join("".join(chr(base + int(c)) for c in g) for g in groups)
        elif form == "every_digit_hyphenated":  # a hyphen between every two digits: 0-1-0-1-2-3-4-5-6-7-8
            value = "-".join("".join(groups))
        elif form == "spaced_fullwidth_digits":  # full-width digits one at a time: ８ ３ ０ ２ ０ ７-２ ５ ...
            value = sep.join(" ".join(g.translate(_FULLWIDTH)) for g in groups)
        elif form == "spaced_digits":  # a space between the digits of each group: 8 3 0 2 0 7-2 5 5 5 8 9 6
            value = sep.join(" ".join(g) for g in groups)
        elif form == "korean_words_first_and_last_groups":
            if entity != "PHONE_NUMBER":
                form = "ascii"
            else:  # the first and the last group in digit words: 공일공-1234-오육칠팔
                table = draw(st.sampled_from(_KOREAN_DIGITS))
                value = sep.join(_korean_words(g, table, False) if i in (0, len(groups) - 1) else g
                                 for i, g in enumerate(groups))
        elif form == "fullwidth_spaced":  # full-width digits with a space between groups
            value = " ".join(groups).translate(_FULLWIDTH)
        elif form == "letter_l":
            if entity != "PHONE_NUMBER":
                form = "ascii"
            else:  # 1 typed as the letter l: 0l0-l234-5678
                value = value.replace("1", "l")
        elif form == "fullwidth_groups":  # every other group in full-width digits: 010-１２３４-5678
            value = sep.join(g.translate(_FULLWIDTH) if i % 2 else g for i, g in enumerate(groups))
        elif form == "letter_o":
            if entity != "PHONE_NUMBER":
                form = "ascii"
            else:  # 0 typed as the letter O, as classified ads write it to slip past filters: O1O-1234-5678
                value = value.replace("0", draw(st.sampled_from("Oo")))
        elif form in ("korean_words", "korean_words_spaced"):
            if entity != "PHONE_NUMBER":
                form = "ascii"
            else:
                value = _korean_words(value, draw(st.sampled_from(_KOREAN_DIGITS)), form == "korean_words_spaced")
        return value.replace(_SEP_PLACEHOLDER, joint), sep_name if form == "ascii" else f"{form}+{sep_name}"
    if entity == "KR_PASSPORT":
        return draw(passport()), "passport"
    if entity == "EMAIL_ADDRESS":
        local, host, tld = draw(email_parts())
        form, template = draw(st.sampled_from(EMAIL_FORMS[half]))
        whole = f"{local}@{host}.{tld}".translate(_FULLWIDTH_ASCII)  # ｋｉｍ＠ｎａｖｅｒ．ｃｏｍ
        refs = "".join(f"&#{ord(c)};" for c in f"{local}@{host}.{tld}")  # an e-mail obfuscator's output
        percent = "".join(f"%{ord(c):02X}" for c in f"{local}@{host}.{tld}")  # a mailto link's encoder
        korean = _KOREAN_HOSTS.get(host, host)  # 네이버 for naver, as people say the service's name
        spaced = " ".join(f"{local}@{host}.{tld}")  # k i m @ n a v e r . c o m
        return template.format(l=local, h=host, t=tld, L=local.upper(), H=host.upper(), T=tld.upper(), F=whole,
                               E=refs, P=percent, K=korean, S=spaced), form
    if entity == "IP_ADDRESS":
        return draw(ipv4()), "dotted"
    if entity == "KR_VEHICLE_PLATE":
        plate = f"{draw(st.integers(10, 399))}{draw(st.sampled_from(_PLATE))}"
        space = draw(st.sampled_from(("", " ")))
        region = draw(st.sampled_from(("", "서울", "경기") if half == TUNING else ("부산 ", "인천", "")))
        return f"{region}{plate}{space}{draw(_num(4))}", "plate"
    if entity == "KR_ADDRESS":
        lot = draw(st.booleans())
        return draw(address(lot)), "lot" if lot else "road"
    if entity == "PERSON":
        return draw(names(half)), "name"
    raise ValueError(entity)


# ----------------------------------------------------------------------------- contexts

#: Sentence frames per genre, split in halves: informal (reviews, comments, classified ads, chat)
#: and formal (contracts, court decisions, resumes, invoices). ``{x}`` is where the value goes.
GENRES = {
    TUNING: {
        "review": (
            "배송은 빨랐고 포장도 꼼꼼했어요. 문의할 때 {x} 남겼더니 바로 답이 왔어요.",
            "사장님이 친절하세요! 예약은 {x} 로 하시면 됩니다. 재방문 의사 있어요.",
        ),
        "classified": (
            "중고 자전거 팝니다. 상태 좋아요. {x} 연락 주세요. 직거래만 합니다.",
            "원룸 양도합니다. 보증금 500에 월세 45. 관심 있으신 분은 {x} 참고하세요.",
        ),
        "contract": (
            "제3조(당사자) 갑의 {x} 기재 사항은 계약서 말미에 첨부한다.",
            "본 계약의 당사자 정보는 다음과 같다. {x} 위 내용을 확인함.",
        ),
        "resume": (
            "지원자 인적사항 {x} 희망 직무: 품질관리, 경력 5년.",
            "학력 및 경력 사항을 아래에 적습니다. {x} 자격증: 정보처리기사.",
        ),
    },
    HELDOUT: {
        "comment": (
            "ㅋㅋ 저도 그거 샀는데 불량이었음 {x} 여기로 문의하니까 교환해주더라구요",
            "혹시 필요하신 분 {x} 쪽지 주세요~ 선착순입니다",
        ),
        "chat": (
            "[오후 3:12] 알겠어 그럼 {x} 여기로 보내줘\n[오후 3:13] ㅇㅋ",
            "나: 아 맞다 {x} 이거 적어둬\n친구: 고마워",
        ),
        "court": (
            "이 사건 피해자의 인적사항({x})은 수사기록에 편철되어 있다.",
            "원고는 피고에게 {x} 에 관한 자료를 제출하였고, 피고는 이를 다투지 아니한다.",
        ),
        "invoice": (
            "거래명세서\n공급받는자 {x}\n품목: 복사용지 A4 10박스, 합계 245,000원",
            "청구서 발행 안내: {x} 입금 기한은 이번 달 25일입니다.",
        ),
    },
    # Written at stop 28, after the first held-out half was read and moved into tuning.
    "heldout2": {
        "sms": (
            "[Web발신]\n(광고) 고객님 주문하신 상품이 출고되었습니다. 문의 {x} 수신거부 080",
            "엄마 나 폰 고장나서 이 번호로 연락해 {x} 급해",
        ),
        "notice": (
            "■ 행사 안내 ■\n일시: 11월 2일(토) 14시\n담당: {x}\n많은 참여 바랍니다.",
            "공지) 동아리 회비 납부 안내 - {x} 로 이번 주까지 보내주세요!!",
        ),
        "form": (
            "신청서 접수 내역\n- 접수번호: 제2024-117호\n- 신청인 정보: {x}\n- 처리 상태: 검토 중",
            "입사지원서 (경력)\n1. 인적 사항\n{x}\n2. 학력 사항\n○○대학교 졸업",
        ),
        "email_body": (
            "안녕하세요, 지난번 미팅 때 말씀드린 자료 보내드립니다.\n{x}\n확인 부탁드립니다. 감사합니다.",
            "> 원문 메시지\n> 보낸 사람: {x}\n> 제목: RE: 견적 요청",
        ),
    },
}
GENRES[TUNING] = {**GENRES[TUNING], **GENRES[HELDOUT]}
GENRES[HELDOUT] = GENRES.pop("heldout2")
# Written at stop 29, after the stop-28 held-out half (sms, notice, form, e-mail body) was read.
GENRES["heldout3"] = {
    "ticket": (
        "[문의 #4821] 로그인이 안 됩니다. 회신은 {x} 로 부탁드려요.",
        "고객센터 상담 기록: 고객 요청으로 {x} 정보 변경 처리함.",
    ),
    "listing": (
        "매물번호 2231 | 역세권 투룸 | 문의: {x} | 즉시 입주 가능",
        "[부동산] 급매 아파트 32평, 계약 시 {x} 지참 바랍니다.",
    ),
    "medical": (
        "초진 문진표\n환자 정보 {x}\n주요 증상: 두통, 어지럼증",
        "처방전 발행 기관 확인용 {x} (보관 기간 5년)",
    ),
    "log": (
        "2024-11-03T09:12:44Z WARN auth failed {x} retry=3",
        "DEBUG payload={x} elapsed=12ms",
    ),
}
# Written at stop 31, after the stop-29 half (tickets, listings, medical forms, logs) was read.
GENRES["heldout4"] = {
    "delivery": (
        "요청사항: 문 앞에 두고 벨 눌러주세요. {x} 도착하면 연락주세요",
        "[배달앱] 주문 접수 완료! {x} 라이더 배정 중입니다.",
    ),
    "community": (
        "중고거래 판매글) 아이폰 14 팝니다, 네고 X. {x} 로 톡 주세요",
        "익명게시판: 저번에 돈 빌려간 사람 {x} 이거 맞죠? 연락 좀",
    ),
    "certificate": (
        "재직증명서\n{x}\n위 사람은 당사에 재직 중임을 증명합니다.",
        "경력증명서 발급 신청 {x} 용도: 제출용",
    ),
    "insurance": (
        "보험금 청구서\n피보험자 정보: {x}\n사고 일자: 2024. 3. 2.",
        "실손보험 청구 관련 {x} 서류 보완 요청드립니다.",
    ),
    "school": (
        "가정통신문 회신\n학생: 3학년 2반\n{x}\n서명",
        "방과후 수업 신청서 {x} 참가비는 학교로 납부",
    ),
}
# Written at stop 31, after the fourth half (delivery requests, community posts, certificates, insurance
# claims, school forms) was read.
GENRES["heldout5"] = {
    "auction": (
        "[중고 경매] 낙찰 축하드립니다! 입금 확인 후 발송합니다. {x} 로 연락 부탁드려요.",
        "경매 물품 인수 안내 - 낙찰자 정보 {x} 확인 바랍니다.",
    ),
    "hospital": (
        "[OO병원] 진료 예약이 완료되었습니다. 예약자 {x} 방문 시 신분증 지참",
        "검진 결과 안내문 수령 확인 {x} 문의는 원무과로",
    ),
    "apartment": (
        "관리사무소 공지) 주차 등록 차량 정비 중입니다. {x} 미등록 차량은 견인 조치됩니다.",
        "입주민 여러분, 택배 보관함 이용 시 {x} 를 등록해 주세요.",
    ),
    "recruit": (
        "[채용] 서류 전형 합격을 축하드립니다. 지원자 {x} 면접 일정은 추후 안내",
        "입사 서류 제출 목록: 가족관계증명서, {x}, 통장 사본",
    ),
    "travel": (
        "여행 예약 확인서\n예약 번호: TR-2291\n여행자 정보: {x}\n출발일: 2025. 1. 14.",
        "항공권 발권 요청 드립니다. 탑승객 {x} 영문 이름은 여권과 동일하게",
    ),
}
# Written at stop 31, after the fifth half (auctions, hospital messages, apartment notices, recruiting,
# travel bookings) was read.
GENRES["heldout6"] = {
    "rental": (
        "전세 계약 관련 서류 요청드립니다. 임대인 측 {x} 확인 후 회신 부탁드립니다.",
        "월세 입금 안내: 매달 25일까지 {x} 로 보내 주세요.",
    ),
    "academy": (
        "[학원 공지] 수강료 납부 안내\n학부모님 {x}\n문의는 교무실로",
        "수강 신청 확인: {x} 다음 주부터 수업 시작합니다.",
    ),
    "customs": (
        "해외직구 통관 안내: 개인통관고유부호 대신 {x} 입력 시 통관이 지연될 수 있습니다.",
        "배송대행지 주소 등록 완료 {x} (수취인 정보 일치 필요)",
    ),
    "volunteer": (
        "봉사활동 확인서 발급 신청\n{x}\n활동 기간: 3개월",
        "자원봉사 모집) 참가 신청은 {x} 로 받습니다.",
    ),
    "bug_report": (
        "재현 절차: 1. 로그인 2. 프로필 저장 시 {x} 값이 그대로 로그에 남음",
        "Expected: 마스킹 처리 / Actual: {x} 노출 (prod 로그)",
    ),
}
GENRES["heldout7"] = {
    "petition": (
        "[민원 접수] 처리 결과를 알려 드립니다. 신청인 정보 {x} 처리 기한: 7일",
        "민원 내용: 도로 파손 신고합니다. {x} 빠른 처리 부탁드립니다.",
    ),
    "game_trade": (
        "아이템 삽니다 ㅎㅎ 거래는 {x} 여기로 연락 ㄱㄱ",
        "[거래완료] 판매자 {x} 입금 확인했습니다 감사합니다",
    ),
    "wedding": (
        "모바일 청첩장\n마음 전하실 곳 {x}\n참석이 어려우신 분들을 위해 안내드립니다.",
        "신랑측 혼주 {x} 축하해 주셔서 감사합니다.",
    ),
    "club_roster": (
        "동호회 회원 명단 업데이트 {x} 정기 모임은 매주 토요일입니다.",
        "산악회 신규 가입 안내 {x} 회비는 월 1만원",
    ),
    "lost_and_found": (
        "지갑 주웠습니다. 신분증에 {x} 적혀 있어요. 경비실에 맡겼습니다.",
        "분실물 안내: 습득물 {x} 본인 확인 후 수령 가능",
    ),
}
_rotate("heldout3")
_rotate("heldout4")
_rotate("heldout5")
_rotate("heldout6")
GENRES["heldout8"] = {
    "parcel": (
        "택배 기사님께: 부재 시 경비실에 맡겨 주세요. {x} 감사합니다.",
        "[택배] 고객님의 상품이 배송 출발했습니다. 수령인 확인 {x}",
    ),
    "gift": (
        "카카오톡 선물하기 교환권이 도착했어요! 보낸 사람 {x} 유효기간 90일",
        "선물 받으실 분 정보 {x} 메시지 카드 포함",
    ),
    "management_fee": (
        "[관리사무소] 12월 관리비 고지서 {x} 납부 기한 25일",
        "관리비 자동이체 신청서 {x} 다음 달부터 적용됩니다.",
    ),
    "alumni": (
        "동창회 연락망 정리 중입니다 {x} 수정할 분 알려주세요",
        "○○고 23회 동문회 회비 입금 안내 {x}",
    ),
    "used_car": (
        "중고차 판매합니다 2019년식 무사고 {x} 직거래 선호",
        "차량 매매 계약서: 매도인 {x} 매수인 서명란",
    ),
}
_rotate("heldout7")
_rotate("heldout8")
GENRES["heldout9"] = {
    "tax_return": (
        "연말정산 간소화 자료 제출 부탁드립니다 {x} 마감은 다음 주 금요일입니다.",
        "부양가족 공제 신청서 {x} 첨부 서류 확인 후 회신 바랍니다.",
    ),
    "real_estate": (
        "역세권 투룸 전세 매물 있습니다. 관리비 별도 {x} 주말 방문 가능",
        "[부동산] 계약금 입금 확인 부탁드립니다 {x} 잔금일은 협의 후 결정",
    ),
    "subscription_cancel": (
        "정기 구독 해지 요청합니다. 가입 정보 {x} 위약금 여부 알려 주세요.",
        "멤버십 자동결제 취소 신청 {x} 처리 결과는 문자로 받겠습니다.",
    ),
    "event_winner": (
        "경품 이벤트 당첨을 축하드립니다! 수령 정보 {x} 확인 후 발송됩니다.",
        "댓글 이벤트 당첨자 안내 {x} 일주일 안에 회신 없으면 취소됩니다.",
    ),
    "pet_adoption": (
        "유기견 입양 신청서 {x} 상담 후 방문 일정을 잡겠습니다.",
        "임시보호 신청합니다. 신청자 정보 {x} 반려 경험 있습니다.",
    ),
}
_rotate("heldout9")
GENRES["heldout10"] = {
    "insurance_quote": (
        "자동차 보험 견적 요청드립니다. 가입자 정보 {x} 갱신일은 다음 달입니다.",
        "실손보험 청구서 접수 완료 {x} 심사에 3일 정도 걸립니다.",
    ),
    "concert_ticket": (
        "콘서트 티켓 양도합니다. 정가 양도 {x} 현장 수령 가능",
        "예매 확인서 {x} 공연 당일 신분증 지참 바랍니다.",
    ),
    "moving_service": (
        "포장이사 견적 문의드려요 {x} 다음 달 15일 이사 예정입니다.",
        "이사 업체 계약서 작성 완료 {x} 잔금은 당일 지급",
    ),
    "library_card": (
        "도서관 회원증 재발급 신청 {x} 분실 신고는 완료했습니다.",
        "상호대차 신청 내역 {x} 도착하면 문자 드립니다.",
    ),
    "blood_donation": (
        "헌혈 예약 확인 {x} 예약 시간 10분 전까지 와 주세요.",
        "헌혈증 기부 신청서 {x} 기부처는 소아암 환우회입니다.",
    ),
}
_rotate("heldout10")
GENRES["heldout11"] = {
    "used_car": (
        "중고차 판매합니다. 무사고 {x} 직거래 선호합니다.",
        "차량 성능점검 기록부 첨부 {x} 시운전 가능합니다.",
    ),
    "school_notice": (
        "가정통신문: 현장체험학습 신청서 {x} 금요일까지 제출해 주세요.",
        "방과후학교 수강 신청 {x} 수강료는 월 3만 원입니다.",
    ),
    "hospital": (
        "진료 예약 확인 문자입니다. {x} 예약 시간 변경은 하루 전까지 가능합니다.",
        "건강검진 결과 안내 {x} 재검이 필요한 항목이 있습니다.",
    ),
    "job_application": (
        "입사 지원서 제출합니다. {x} 희망 연봉은 면접 시 협의",
        "아르바이트 지원합니다! {x} 주말 근무 가능해요",
    ),
    "delivery_app": (
        "배달 요청사항: 문 앞에 두고 벨 눌러주세요 {x}",
        "주문 접수 완료 {x} 조리 후 40분 내 도착 예정",
    ),
}
_rotate("heldout11")
GENRES["heldout12"] = {
    "apartment_notice": (
        "관리사무소 공지: 주차 스티커 발급 신청 {x} 동 대표 회의는 목요일입니다.",
        "[관리사무소] 택배 보관 안내 {x} 경비실에서 수령하세요.",
    ),
    "club_membership": (
        "동호회 가입 신청서 {x} 회비는 월 만 원입니다.",
        "등산 모임 참가 신청 {x} 집결지는 역 2번 출구입니다.",
    ),
    "rental_car": (
        "렌터카 예약 확인 {x} 보험은 완전자차로 선택하셨습니다.",
        "차량 반납 시 연료를 채워 주세요. 예약자 정보 {x}",
    ),
    "certification_exam": (
        "자격증 시험 접수 완료 {x} 수험표는 시험 3일 전부터 출력할 수 있습니다.",
        "원서 접수 확인 {x} 응시료 환불 규정을 확인하세요.",
    ),
    "civil_service": (
        "전입신고 처리 결과 안내 {x} 처리 기한은 7일입니다.",
        "주민센터 민원 접수증 {x} 세대주 확인이 필요합니다.",
    ),
}
_rotate("heldout12")
GENRES["heldout13"] = {
    "scholarship": (
        "장학금 신청서 제출합니다. {x} 성적증명서를 첨부했습니다.",
        "교내 장학생 선발 결과 안내 {x} 등록금 고지서를 확인하세요.",
    ),
    "gym_membership": (
        "헬스장 회원권 양도합니다 {x} 잔여 기간 5개월",
        "PT 등록 확인 {x} 첫 수업은 월요일 저녁입니다.",
    ),
    "phone_repair": (
        "휴대폰 수리 접수 {x} 액정 교체 예정입니다.",
        "A/S 접수 완료 {x} 부품 입고 후 연락드리겠습니다.",
    ),
    "funeral_notice": (
        "부고 알림 {x} 발인은 내일 오전 9시입니다.",
        "조의금 계좌 안내 {x} 마음 전해주셔서 감사합니다.",
    ),
    "shopping_return": (
        "교환 요청합니다 {x} 사이즈가 작아요.",
        "반품 접수 완료 {x} 회수 기사님이 방문 예정입니다.",
    ),
}
_rotate("heldout13")
# Written at stop 38, after the thirteenth half was read and moved into tuning; not run before it was written.
GENRES["heldout14"] = {
    "crowdfunding": (
        "펀딩 리워드 배송지 확인 부탁드립니다 {x} 발송은 다음 주 예정입니다.",
        "후원자 정보 변경 요청 {x} 리워드 옵션은 그대로 유지해 주세요.",
    ),
    "accident_report": (
        "교통사고 경위서 {x} 사고 장소: 사거리 교차로",
        "보험사 사고 접수 {x} 견인차 요청했습니다.",
    ),
    "tutoring": (
        "과외 선생님 구합니다 {x} 중2 수학, 주 2회 희망",
        "과외비 입금 안내 {x} 매월 5일까지 부탁드립니다.",
    ),
    "fan_club": (
        "팬클럽 정회원 가입 신청 {x} 굿즈는 택배로 받을게요.",
        "콘서트 단체 관람 명단 {x} 좌석은 추첨입니다.",
    ),
    "dorm_application": (
        "기숙사 입사 신청서 {x} 룸메이트 희망 없음",
        "생활관 퇴사 신고 {x} 보증금 환불은 2주 소요",
    ),
}
_rotate("heldout14")
# Written at stop 38, after the fourteenth half was read and moved into tuning; not run before it was written.
GENRES["heldout15"] = {
    "interview_schedule": (
        "면접 일정 안내드립니다 {x} 당일 신분증을 지참해 주세요.",
        "2차 면접 대상자 확인 {x} 면접 장소는 본사 3층입니다.",
    ),
    "church_bulletin": (
        "이번 주 주보 광고 {x} 새가족 환영회는 오후 2시입니다.",
        "헌금 및 후원 안내 {x} 교육관 건축에 사용됩니다.",
    ),
    "internet_install": (
        "인터넷 설치 접수되었습니다 {x} 기사님이 방문 전 연락드립니다.",
        "통신사 이전 설치 요청 {x} 공유기는 반납해 주세요.",
    ),
    "pharmacy": (
        "처방약 조제 완료 안내 {x} 복약 지도는 약국에서 받으세요.",
        "약 배달 요청합니다 {x} 경비실에 맡겨 주세요.",
    ),
    "kindergarten": (
        "유치원 입학 원서 {x} 등원 버스 이용 희망",
        "어린이집 귀가 동의서 {x} 보호자 외 인계 불가",
    ),
}
_rotate("heldout15")
# Written at stop 38, after the fifteenth half was read and moved into tuning; not run before it was written.
GENRES["heldout16"] = {
    "car_sharing": (
        "카셰어링 이용 내역 안내 {x} 반납 위치를 확인해 주세요.",
        "차량 파손 신고 접수 {x} 사진을 첨부해 주세요.",
    ),
    "housing_subscription": (
        "청약 신청 접수 완료 {x} 당첨자 발표는 다음 달입니다.",
        "특별공급 자격 확인 서류 {x} 무주택 확인서 첨부",
    ),
    "parking_permit": (
        "거주자 우선 주차 신청 {x} 배정 결과는 문자로 안내됩니다.",
        "방문 차량 등록 요청 {x} 주차 시간은 2시간입니다.",
    ),
    "donation_receipt": (
        "기부금 영수증 발급 신청 {x} 연말정산에 사용할 예정입니다.",
        "정기 후원 신청서 {x} 매월 10일 출금",
    ),
    "pet_hospital": (
        "동물병원 예약 확인 {x} 예방접종 기록을 지참해 주세요.",
        "반려견 입원 동의서 {x} 보호자 서명란",
    ),
}
_rotate("heldout16")
# Written at stop 38, after the sixteenth half was read and moved into tuning; not run before it was written.
GENRES["heldout17"] = {
    "bike_rental": (
        "자전거 대여 신청 {x} 헬멧은 현장에서 받으세요.",
        "따릉이 분실 신고 {x} 위치 확인 후 연락드립니다.",
    ),
    "language_exchange": (
        "언어 교환 파트너 구해요 {x} 주 1회 카페에서 만나요.",
        "한국어 스터디 참가 신청 {x} 초급반 희망합니다.",
    ),
    "hair_salon": (
        "미용실 예약 변경 요청 {x} 컷과 염색 예정",
        "디자이너 지정 예약 {x} 노쇼 시 예약금은 환불되지 않습니다.",
    ),
    "tax_refund": (
        "종합소득세 환급 신청 {x} 환급금은 영업일 기준 2주 내 지급",
        "세무 대리 위임장 {x} 홈택스 열람 동의",
    ),
    "camping_reservation": (
        "캠핑장 예약 완료 {x} 입실은 오후 2시부터입니다.",
        "글램핑 객실 취소 요청 {x} 위약금 규정 확인 바랍니다.",
    ),
}
_rotate("heldout17")
# Written at stop 38, after the seventeenth half was read and moved into tuning; not run before it was written.
GENRES["heldout18"] = {
    "wedding_hall": (
        "예식장 계약서 {x} 잔금은 예식 2주 전까지 납부",
        "웨딩홀 식대 정산 {x} 보증 인원 200명",
    ),
    "lost_card": (
        "카드 분실 신고 접수 {x} 재발급 카드는 등기로 발송됩니다.",
        "분실물 센터 보관 안내 {x} 신분증 지참 후 방문",
    ),
    "phone_contract": (
        "휴대폰 개통 신청서 {x} 요금제는 5G 슬림",
        "번호 이동 동의서 {x} 위약금은 고객 부담",
    ),
    "study_cafe": (
        "스터디카페 정기권 등록 {x} 지정석은 12번입니다.",
        "독서실 사물함 신청 {x} 열쇠 분실 시 5천 원",
    ),
    "home_repair": (
        "보일러 수리 접수 {x} 기사님 방문은 내일 오전",
        "누수 점검 요청 {x} 아랫집 천장에 물이 샙니다.",
    ),
}
_rotate("heldout18")
# Written at stop 39, after the eighteenth half was read and moved into tuning; not run before it was written.
GENRES["heldout19"] = {
    "marathon": (
        "마라톤 대회 참가 신청 {x} 배번은 대회 3일 전 발송",
        "하프 코스 접수 확인 {x} 기념품은 현장 수령",
    ),
    "jeonse_deposit": (
        "전세 보증금 반환 요청 {x} 만기일은 다음 달 말일입니다.",
        "임대차 계약 갱신 통지 {x} 보증금 증액은 5% 이내",
    ),
    "field_trip_consent": (
        "현장체험학습 동의서 {x} 보호자 서명 후 제출",
        "수학여행 참가 신청 {x} 비상 연락망에 등록됩니다.",
    ),
    "pet_hotel": (
        "애견 호텔 예약 확인 {x} 체크인은 오후 2시부터",
        "반려견 유치원 등록 {x} 예방접종 증명서 지참",
    ),
    "subsidy_application": (
        "청년 월세 지원 신청 {x} 심사 결과는 문자로 안내",
        "에너지 바우처 신청서 {x} 주민센터 방문 접수",
    ),
}
_rotate("heldout19")
# Written at stop 39, after the nineteenth half was read and moved into tuning; not run before it was written.
GENRES["heldout20"] = {
    "move_in": (
        "아파트 입주 신청서 {x} 사전 점검일은 다음 주 토요일",
        "입주민 카드 발급 {x} 관리사무소에서 수령하세요.",
    ),
    "used_books": (
        "중고책 판매합니다 {x} 택배비 별도, 직거래 가능",
        "전공 서적 양도 {x} 필기 조금 있어요.",
    ),
    "festival_booth": (
        "축제 부스 참가 신청 {x} 전기 사용 여부 표시",
        "플리마켓 셀러 모집 {x} 참가비 2만 원",
    ),
    "daycare": (
        "어린이집 입소 신청서 {x} 대기 순번은 문자로 안내",
        "유치원 방과후 신청 {x} 귀가 동의서 첨부",
    ),
    "carpool": (
        "출퇴근 카풀 구해요 {x} 유류비 반반",
        "카풀 매칭 완료 {x} 탑승 위치는 정문 앞",
    ),
}
_rotate("heldout20")
# Written at stop 39, after the twentieth half was read and moved into tuning; not run before it was written.
GENRES["heldout21"] = {
    "health_checkup": (
        "건강검진 예약 확인 {x} 검진 전날 저녁 9시 이후 금식",
        "종합검진 결과 발송 {x} 재검 대상은 별도 연락",
    ),
    "bike_sale": (
        "로드 자전거 팝니다 {x} 사이즈 52, 직거래만",
        "전기 자전거 양도 {x} 배터리 상태 좋아요.",
    ),
    "lost_pet": (
        "강아지를 찾습니다 {x} 흰색 말티즈, 빨간 목줄",
        "고양이 실종 신고 {x} 보시면 연락 부탁드려요.",
    ),
    "conference": (
        "학회 사전 등록 {x} 등록비는 현장 결제 불가",
        "심포지엄 발표자 정보 {x} 발표 자료는 하루 전 제출",
    ),
    "water_bill": (
        "수도요금 자동이체 신청 {x} 다음 달부터 적용",
        "상수도 요금 고지서 재발급 {x} 주소 변경 포함",
    ),
}
_rotate("heldout21")
# Written at stop 39, after the twenty-first half was read and moved into tuning; not run before it was written.
GENRES["heldout22"] = {
    "furniture_delivery": (
        "가구 배송 일정 안내 {x} 사다리차 비용은 별도",
        "침대 설치 예약 {x} 기존 가구 수거 요청함",
    ),
    "parents_meeting": (
        "학부모 상담 신청 {x} 상담 시간은 20분 내외",
        "학부모 총회 참석 회신 {x} 주차는 운동장 이용",
    ),
    "photo_studio": (
        "프로필 촬영 예약 {x} 의상은 두 벌까지",
        "가족사진 촬영 계약 {x} 원본 파일 제공",
    ),
    "shared_office": (
        "공유 오피스 입주 신청 {x} 출입 카드는 첫날 발급",
        "회의실 예약 확인 {x} 취소는 하루 전까지",
    ),
    "ski_rental": (
        "스키 장비 대여 예약 {x} 신발 사이즈 260",
        "시즌권 신청서 {x} 사진은 현장 촬영",
    ),
}
_rotate("heldout22")
# Written at stop 40, after the twenty-second half was read and moved into tuning; not run before it was written.
GENRES["heldout23"] = {
    "car_repair": (
        "자동차 정비 예약 {x} 엔진오일 교체 포함",
        "사고 수리 견적 요청 {x} 사진 첨부했습니다",
    ),
    "yoga_class": (
        "요가 수업 등록 {x} 매트는 개인 지참",
        "필라테스 체험 신청 {x} 편한 복장으로 오세요",
    ),
    "piano_lesson": (
        "피아노 레슨 상담 {x} 주 1회 30분 희망",
        "음악학원 등록 확인 {x} 교재비 별도",
    ),
    "dental_clinic": (
        "치과 진료 예약 {x} 스케일링 포함",
        "교정 상담 접수 {x} 파노라마 촬영 예정",
    ),
    "campus_festival": (
        "대학 축제 부스 신청 {x} 전기 사용 필요",
        "동아리 공연 참가 신청 {x} 리허설은 전날 저녁",
    ),
}
_rotate("heldout23")
# Written at stop 41, after the twenty-third half was read and moved into tuning; not run before it was written.
GENRES["heldout24"] = {
    "laundry_service": (
        "세탁 수거 신청 {x} 문 앞에 두겠습니다",
        "운동화 세탁 맡김 {x} 이번 주 금요일 수령",
    ),
    "driving_school": (
        "운전학원 등록 {x} 기능 시험은 다음 주",
        "도로 연수 예약 {x} 오전 10시 희망",
    ),
    "flower_delivery": (
        "꽃배달 주문 {x} 리본 문구 첨부",
        "개업 화환 배송 요청 {x} 오전 중 도착",
    ),
    "swimming_pool": (
        "수영장 자유수영 등록 {x} 수모 필수",
        "아쿠아로빅 강습 신청 {x} 평일 저녁반",
    ),
    "cleaning_service": (
        "입주 청소 견적 문의 {x} 32평 아파트",
        "에어컨 청소 예약 {x} 벽걸이 2대",
    ),
}
_rotate("heldout24")
# Written at stop 41, after the twenty-fourth half was read and moved into tuning; not run before it was written.
GENRES["heldout25"] = {
    "pottery_class": (
        "도자기 공방 원데이 클래스 신청 {x} 앞치마 제공",
        "물레 체험 예약 {x} 작품은 2주 뒤 수령",
    ),
    "car_wash": (
        "손세차 예약 {x} 실내 크리닝 추가",
        "출장 세차 신청 {x} 지하 주차장 B2",
    ),
    "eye_clinic": (
        "안과 검진 예약 {x} 산동 검사 포함",
        "라식 상담 신청 {x} 렌즈는 일주일 전부터 빼 주세요",
    ),
    "book_club": (
        "독서 모임 가입 신청 {x} 이번 달 책은 소설",
        "북클럽 참가 확인 {x} 모임은 토요일 오후",
    ),
    "apartment_gym": (
        "단지 내 헬스장 이용 등록 {x} 월 이용료 관리비 합산",
        "커뮤니티센터 GX 강습 신청 {x} 선착순 마감",
    ),
}
_rotate("heldout25")
# Written at stop 41, after the twenty-fifth half was read and moved into tuning; not run before it was written.
GENRES["heldout26"] = {
    "guitar_lesson": (
        "기타 레슨 상담 {x} 통기타 지참",
        "우쿨렐레 입문반 신청 {x} 악기 대여 가능",
    ),
    "dog_walking": (
        "반려견 산책 대행 신청 {x} 하루 30분",
        "펫시터 방문 예약 {x} 사료는 현관 옆",
    ),
    "print_shop": (
        "명함 인쇄 주문 {x} 200매 양면",
        "현수막 제작 의뢰 {x} 시안 확인 후 출력",
    ),
    "tennis_court": (
        "테니스장 코트 예약 {x} 야간 조명 포함",
        "테니스 레슨 등록 {x} 라켓 대여 가능",
    ),
    "key_cutting": (
        "열쇠 복사 및 도어락 설치 {x} 방문 시간 협의",
        "현관 잠금장치 교체 문의 {x} 출장비 별도",
    ),
}
_rotate("heldout26")
# Written at stop 42, after the twenty-sixth half was read and moved into tuning; not run before it was written.
GENRES["heldout27"] = {
    "hiking_club": (
        "산악회 정기 산행 참가 신청 {x} 집결은 오전 7시",
        "둘레길 걷기 모임 가입 {x} 등산화 필수",
    ),
    "cooking_class": (
        "요리 교실 수강 신청 {x} 재료비 별도",
        "베이킹 원데이 클래스 예약 {x} 앞치마 지참",
    ),
    "cake_order": (
        "주문 제작 케이크 예약 {x} 레터링 문구 요청",
        "생일 케이크 픽업 예약 {x} 초 3개 추가",
    ),
    "nail_salon": (
        "네일 아트 예약 {x} 젤 제거 포함",
        "속눈썹 연장 시술 예약 {x} 리터치는 3주 뒤",
    ),
    "storage_rental": (
        "개인 창고 보관 신청 {x} 3개월 선납",
        "짐 보관 서비스 문의 {x} 박스 10개 분량",
    ),
}
_rotate("heldout27")
# Written at stop 42, after the twenty-seventh half was read and moved into tuning; not run before it was written.
GENRES["heldout28"] = {
    "piano_tuning": (
        "피아노 조율 예약 {x} 업라이트 1대",
        "디지털피아노 수리 접수 {x} 건반 두 개 소리 안 남",
    ),
    "laptop_repair": (
        "노트북 액정 수리 문의 {x} 택배 접수 가능",
        "데이터 복구 의뢰 {x} 외장하드 인식 불가",
    ),
    "wedding_photo": (
        "웨딩 스냅 촬영 예약 {x} 야외 촬영 희망",
        "본식 DVD 촬영 문의 {x} 4월 둘째 주 토요일",
    ),
    "senior_center": (
        "경로당 건강 체조 프로그램 신청 {x} 매주 화요일",
        "어르신 스마트폰 교실 접수 {x} 선착순 20명",
    ),
    "bike_repair": (
        "자전거 정비 예약 {x} 브레이크 패드 교체",
        "전기자전거 배터리 점검 {x} 방문 수리 희망",
    ),
}
_rotate("heldout28")
# Written at stop 43, after the twenty-eighth half was read and moved into tuning; not run before it was written.
GENRES["heldout29"] = {
    "pet_grooming": (
        "반려견 미용 예약 {x} 소형견 전체 미용",
        "고양이 목욕 예약 문의 {x} 주말 가능 여부",
    ),
    "tire_shop": (
        "타이어 교체 예약 {x} 겨울용 타이어 네 짝",
        "휠 얼라인먼트 점검 {x} 오전 방문 희망",
    ),
    "aircon_cleaning": (
        "에어컨 분해 청소 신청 {x} 벽걸이 두 대",
        "시스템 에어컨 점검 예약 {x} 사무실 천장형",
    ),
    "choir": (
        "합창단 단원 모집 지원 {x} 테너 파트",
        "성가대 연습 일정 안내 {x} 매주 목요일 저녁",
    ),
    "glasses_shop": (
        "안경 맞춤 주문 {x} 누진 다초점 렌즈",
        "콘택트렌즈 정기 배송 신청 {x} 석 달 치",
    ),
}
_rotate("heldout29")
# Written at stop 44, after the twenty-ninth half was read and moved into tuning; not run before it was written.
GENRES["heldout30"] = {
    "camping_site": (
        "캠핑장 사이트 예약 {x} 전기 사용 포함",
        "글램핑 예약 변경 요청 {x} 바비큐 그릴 추가",
    ),
    "quick_courier": (
        "퀵서비스 접수 {x} 서류 봉투 1개",
        "오토바이 퀵 배송 요청 {x} 착불로 부탁드립니다",
    ),
    "golf_range": (
        "골프 연습장 레슨 등록 {x} 주 2회 오전",
        "스크린골프 예약 {x} 4인 2시간",
    ),
    "flea_market": (
        "플리마켓 셀러 참가 신청 {x} 부스 한 칸",
        "벼룩시장 판매자 등록 {x} 테이블 지참",
    ),
    "massage_shop": (
        "마사지 예약 {x} 전신 90분 코스",
        "스포츠 마사지 문의 {x} 어깨 위주로 부탁",
    ),
}
_rotate("heldout30")
# Written at stop 51, after the thirtieth half was read and moved into tuning; not run before it was written.
GENRES["heldout31"] = {
    "escape_room": (
        "방탈출 카페 예약 {x} 테마 두 개 연속",
        "방탈출 단체 예약 문의 {x} 6명 가능할까요",
    ),
    "hanok_stay": (
        "한옥 스테이 예약 확인 {x} 조식 포함",
        "한옥 숙소 체크인 안내 {x} 온돌방 2박",
    ),
    "baking_class": (
        "베이킹 원데이 클래스 신청 {x} 마카롱 만들기",
        "제빵 수업 등록 {x} 주말반 오전",
    ),
    "drone_lesson": (
        "드론 자격증 강습 신청 {x} 실기 위주",
        "드론 촬영 교육 문의 {x} 초보자 과정",
    ),
    "pc_bang": (
        "PC방 좌석 예약 {x} 8인 단체석",
        "PC방 분실물 문의 {x} 검정 마우스",
    ),
}
_rotate("heldout31")
# Written at stop 54, after the thirty-first half was read and moved into tuning; not run before it was written.
GENRES["heldout32"] = {
    "templestay": (
        "템플스테이 참가 신청 {x} 1박 2일 체험형",
        "사찰 체험 예약 문의 {x} 발우공양 포함",
    ),
    "board_game_cafe": (
        "보드게임 카페 예약 {x} 6인 테이블",
        "보드게임 모임 참가 {x} 매주 토요일",
    ),
    "surfing_lesson": (
        "서핑 강습 예약 {x} 양양 오전 타임",
        "서핑 보드 대여 신청 {x} 웻슈트 포함",
    ),
    "kimjang_sharing": (
        "김장 나눔 봉사 신청 {x} 절임배추 20포기",
        "김장 김치 주문 {x} 10kg 택배",
    ),
    "phone_trade_in": (
        "중고폰 매입 신청 {x} 액정 파손 없음",
        "휴대폰 보상 판매 문의 {x} 공기계 2대",
    ),
}
_rotate("heldout32")
# Written at stop 54, after the thirty-second half was read and moved into tuning; not run before it was written.
GENRES["heldout33"] = {
    "kids_cafe": (
        "키즈카페 단체 예약 {x} 아이 5명 보호자 2명",
        "키즈카페 생일파티 문의 {x} 케이크 반입",
    ),
    "fansign_event": (
        "팬사인회 응모 당첨 확인 {x} 앨범 2장 구매",
        "팬사인회 참석 명단 {x} 신분증 지참",
    ),
    "translation_service": (
        "번역 의뢰 접수 {x} 영한 계약서 12쪽",
        "공증 번역 견적 요청 {x} 졸업증명서",
    ),
    "jjimjilbang": (
        "찜질방 분실물 접수 {x} 사물함 42번",
        "찜질방 정기권 등록 {x} 월 10회",
    ),
    "farm_stay": (
        "농촌 체험 마을 예약 {x} 감자 캐기 가족 4명",
        "주말농장 분양 신청 {x} 5평 텃밭",
    ),
}
_rotate("heldout33")
# Written at stop 55, after the thirty-third half was read and moved into tuning; not run before it was written.
GENRES["heldout34"] = {
    "futsal_league": (
        "풋살 리그 팀 등록 {x} 선수 8명 명단 첨부",
        "풋살장 정기 대관 문의 {x} 매주 화요일 밤 9시",
    ),
    "cosplay_event": (
        "코스프레 행사 참가 신청 {x} 캐릭터명 기재",
        "코스튬 대여 예약 {x} 반납은 행사 다음 날까지",
    ),
    "record_trade": (
        "LP 판매합니다 초판 미개봉 {x} 택배 거래 가능",
        "중고 음반 매입 문의 {x} CD 40장 일괄",
    ),
    "youth_camp": (
        "청소년 여름 캠프 참가 신청서 {x} 보호자 동의 필수",
        "수련회 인솔 교사 명단 {x} 2박 3일",
    ),
    "car_inspection": (
        "자동차 정기검사 예약 {x} 검사소 방문 시간 10시",
        "차량 검사 결과 안내 {x} 재검사 필요 항목 없음",
    ),
}
_rotate("heldout34")
# Written at stop 55, after the thirty-fourth half was read and moved into tuning; not run before it was written.
GENRES["heldout35"] = {
    "bowling_league": (
        "볼링 동호회 리그 등록 {x} 에버리지 180",
        "볼링장 단체 레인 예약 {x} 토요일 2시",
    ),
    "esports_team": (
        "e스포츠 대회 팀 등록 {x} 팀원 5명 닉네임 기재",
        "PC방 대회 참가 확인 {x} 예선 일정 안내",
    ),
    "ceramics_market": (
        "도자기 장터 셀러 신청 {x} 부스 1칸",
        "공방 작품 주문 {x} 머그컵 2개 유약 선택",
    ),
    "beekeeping_class": (
        "양봉 교육 신청 {x} 보호복 대여 포함",
        "꿀 직거래 주문 {x} 아카시아 2kg",
    ),
    "pilates_studio": (
        "필라테스 체험 수업 예약 {x} 기구 1:1",
        "필라테스 회원권 양도 {x} 잔여 20회",
    ),
}
_rotate("heldout35")
# Written at stop 55, after the thirty-fifth half was read and moved into tuning; not run before it was written.
GENRES["heldout36"] = {
    "dog_training": (
        "반려견 훈련 상담 신청 {x} 5개월 말티즈 배변 교육",
        "퍼피 클래스 등록 {x} 접종 완료 확인서 지참",
    ),
    "tattoo_studio": (
        "타투 예약 문의 {x} 도안 사이즈 5cm",
        "타투 리터치 일정 {x} 시술 후 한 달",
    ),
    "gear_rental": (
        "캠핑 장비 대여 신청 {x} 텐트 1동 의자 4개",
        "스노보드 장비 렌탈 예약 {x} 1박 2일",
    ),
    "violin_lesson": (
        "바이올린 개인 레슨 신청 {x} 주 1회 초급",
        "현악기 수리 접수 {x} 브릿지 교체",
    ),
    "community_garden": (
        "공동체 텃밭 분양 신청 {x} 2구획",
        "마을 정원 봉사자 모집 {x} 토요일 오전",
    ),
}
_rotate("heldout36")
# Written at stop 55, after the thirty-sixth half was read and moved into tuning; not run before it was written.
GENRES["heldout37"] = {
    "archery_range": (
        "양궁장 체험 예약 {x} 초보자 4명",
        "국궁 동호회 가입 신청 {x} 활 대여 필요",
    ),
    "kimchi_class": (
        "김치 담그기 체험 신청 {x} 배추 3포기",
        "전통 장 담그기 교실 등록 {x} 된장 2kg",
    ),
    "moving_sale": (
        "이사 정리 나눔 {x} 냉장고 무료 수거",
        "이사 세일 가구 판매 {x} 소파 3인용",
    ),
    "cat_sitting": (
        "고양이 방문 돌봄 예약 {x} 3박 4일 2마리",
        "펫시터 매칭 신청 {x} 급식 및 화장실 청소",
    ),
    "calligraphy_class": (
        "캘리그라피 원데이 클래스 {x} 붓펜 제공",
        "서예 교실 수강 신청 {x} 화선지 지참",
    ),
}
_rotate("heldout37")

# Written at stop 57 before any detector ran on the held-out entries. Names were planted after a label only, and
# from one list of given names in both halves: a name in its context (an honorific, a role, a party's word, a
# letter's address) was never planted, and the rules' list of given-name syllables was never tested on names
# outside the generator's own fourteen.
#: Surnames: the tuning half's twenty most common; the held-out half's rarer ones and the compound surnames.
SURNAMES: dict[str, tuple[str, ...]] = {
    TUNING: tuple(_SURNAMES),
    HELDOUT: ("문", "양", "배", "백", "허", "남", "노", "곽", "성", "차", "구", "민", "남궁", "황보", "제갈", "선우"),
}
GIVEN_NAMES: dict[str, tuple[str, ...]] = {
    TUNING: _GIVEN,
    HELDOUT: ("건우", "하늘", "다인", "예린", "시우", "채원", "준서", "가은", "태윤", "리아", "동욱", "은비", "승민",
              "나래", "보람", "한결", "지안", "로운", "광수", "덕희"),
}
#: A name in its context instead of after a label: (writing, frame with {v} where the name goes). The tuning half's
#: are the contexts the rules read by stop 57; the held-out half's were written without running them.
NAME_CONTEXTS: dict[str, tuple[tuple[str, str], ...]] = {
    TUNING: (
        ("ctx_ssi", "{v} 씨는"),
        ("ctx_nim", "{v}님께서"),
        ("ctx_office_title", "{v} 과장이 안내"),
        ("ctx_client_nim", "{v} 고객님의 예약"),
        ("ctx_teacher_nim", "{v} 선생님께 감사"),
        ("ctx_plaintiff", "원고 {v}은 피고에게"),
        ("ctx_witness", "증인 {v}의 진술"),
        ("ctx_party_comma", "피고인 {v}, 위 사람에 대한"),
        ("ctx_letter", "{v} 귀하"),
        ("ctx_introduced", "제 이름은 {v}입니다"),
        ("ctx_news_age", "{v}(32) 씨는"),
    ),
    HELDOUT: (
        ("ctx_child", "{v} 어린이가 그린 그림"),
        ("ctx_student", "{v} 학생은 수업 태도가 바르고"),
        ("ctx_patient", "{v} 환자분 진료실로 들어오세요"),
        ("ctx_elder", "{v} 어르신 댁을 방문했습니다"),
        ("ctx_appellant", "항소인 {v}는 원심판결에 불복하여"),
        ("ctx_senior", "{v} 선배가 추천해 준"),
        ("ctx_client_plain", "{v} 고객의 요청에 따라"),
        ("ctx_agent", "상담원 {v}입니다"),
        ("ctx_bows", "{v} 배상"),
        ("ctx_village_head", "{v} 이장님 댁"),
        ("ctx_nurse", "{v} 간호사가 안내해"),
    ),
}
_LATE_FAMILIES.extend((SURNAMES, GIVEN_NAMES, NAME_CONTEXTS))
# Written at stop 59, after the thirty-seventh half was read; not run before it was written.
GENRES["heldout38"] = {
    "ski_lesson": (
        "스키 강습 예약 {x} 초급반 2시간",
        "스키장 시즌권 양도 {x} 직거래 원해요",
    ),
    "funeral_notice": (
        "부고 알림 {x} 발인 3일 오전 7시",
        "조문 안내 {x} 장례식장 2층 특실",
    ),
    "interior_quote": (
        "인테리어 견적 요청 {x} 32평 전체 리모델링",
        "도배 장판 시공 문의 {x} 다음 주 화요일",
    ),
    "tutoring_match": (
        "과외 선생님 구합니다 {x} 고2 수학 주 2회",
        "과외 학생 모집 {x} 영어 회화 초급",
    ),
    "car_accident": (
        "교통사고 합의 관련 {x} 대인 접수 완료",
        "사고 경위서 제출 {x} 후방 추돌",
    ),
}
# The names' families (stop 57) keep their held-out half: its open class (given names outside the rules' syllables,
# docs/pii.md) is not fixed, and the tuning half's test requires every decidable value found.
_rotate("heldout38", keep=_LATE_FAMILIES)

# Written at stop 61, before any detector ran on them: stop 57's held-out names were read there and at stop 59, so
# they join the tuning half, and these are the names' held-out half now (surnames that neither half planted, given
# names of every generation, native and Sino-Korean, and contexts that no rule was written from).
def _rotate_names(family: dict[str, tuple], heldout: tuple) -> None:
    family[TUNING] = tuple(dict.fromkeys((*family[TUNING], *family[HELDOUT])))
    family[HELDOUT] = heldout


_rotate_names(SURNAMES, ("엄", "천", "방", "공", "현", "함", "변", "염", "여", "추", "도", "석", "설", "마", "연", "위",
                         "표", "명", "기", "반", "왕", "금", "옥", "탁", "독고", "사공"))
_rotate_names(GIVEN_NAMES, ("라온", "도담", "아름", "시온", "이든", "소율", "해솔", "나윤", "유주", "은호", "주아",
                            "재민", "말순", "춘자", "봉수", "순례", "복희", "하람", "세라", "온유"))
_rotate_names(NAME_CONTEXTS, (
    ("ctx_deceased", "고 {v} 님의 빈소가 마련되었습니다"),
    ("ctx_resident", "{v} 입주민께서 문의하신 사항"),
    ("ctx_driver", "{v} 기사님이 곧 도착합니다"),
    ("ctx_mother", "{v} 어머님과 상담을 마쳤습니다"),
    ("ctx_guardian", "보호자 {v}님 연락 바랍니다"),
    ("ctx_member_plain", "{v} 회원이 작성한 후기"),
    ("ctx_team_lead", "{v} 팀장님께 보고드립니다"),
    ("ctx_applicant", "지원자 {v}은 성실하며"),
    ("ctx_victim", "피해자 {v}에게 사과하고"),
    ("ctx_caregiver", "{v} 요양보호사가 방문해"),
    ("ctx_tutor", "{v} 튜터의 피드백을 받았어요"),
    ("ctx_letter_to", "사랑하는 {v}에게"),
    ("ctx_minutes", "{v} 대리: 네, 확인했습니다"),
))

# Written at stop 62, before any detector ran on them: stop 61's held-out names were read there, so they join the
# tuning half. Surnames that neither half planted (common ones among them, and ones that are also words: 고, 나, 하,
# 주, 지, 모), given names of every generation, and contexts from weddings, chat exports, the army, churches,
# hospitals, schools, signed forms and civil procedure.
_rotate_names(SURNAMES, ("유", "고", "손", "심", "진", "류", "지", "채", "원", "나", "하", "주", "우", "육", "경", "태",
                         "편", "봉", "국", "용", "예", "모", "감", "빈", "소", "서문"))
_rotate_names(GIVEN_NAMES, ("하린", "서준", "윤슬", "태오", "지유", "로아", "이안", "예서", "단비", "새봄", "가람",
                            "우람", "정숙", "영수", "경자", "상철", "미숙", "동현", "혜진", "찬솔"))
_rotate_names(NAME_CONTEXTS, (
    ("ctx_groom", "신랑 {v} 군과 신부 측 하객"),
    ("ctx_bride", "신부 {v} 양의 부모님께"),
    ("ctx_grandma", "{v} 할머니께서 손수 만드신 반찬"),
    ("ctx_friend", "친구 {v}랑 같이 다녀왔는데"),
    ("ctx_chat_export", "[{v}] [오후 3:12] 내일 봬요"),
    ("ctx_chat_joined", "{v}님이 들어왔습니다."),
    ("ctx_doctor", "주치의 {v} 교수의 소견으로는"),
    ("ctx_principal", "{v} 교장 선생님의 훈화 말씀"),
    ("ctx_soldier", "{v} 병장은 휴가 중이라"),
    ("ctx_pastor", "{v} 목사님의 설교"),
    ("ctx_respondent", "피신청인 {v}는 신청인에게"),
    ("ctx_seal", "작성자 {v} (인)"),
    ("ctx_coach", "{v} 코치의 지도 아래 훈련"),
))

_FILLER = (
    "오늘은 날씨가 맑고 바람이 선선했다.",
    "회의는 예정보다 삼십 분 늦게 끝났다.",
    "새로 생긴 도서관에는 어린이 열람실이 따로 있다.",
    "주말에는 가족과 함께 시장에 다녀왔다.",
    "이번 분기 매출은 지난해보다 소폭 늘었다.",
    "강변 산책로에는 벚꽃이 한창이다.",
)


def real_sentences(limit: int = 4000) -> tuple[str, ...]:
    """KLUE NER dev sentences (entity tags stripped) from ../shared/corpora when present, else ()."""
    import os
    import re

    root = Path(os.environ.get("KOCURATE_CORPORA", Path(__file__).resolve().parents[2] / "shared" / "corpora"))
    path = root / "pii" / "klue_ner_dev.tsv"
    if not path.is_file():
        return ()
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## klue-ner"):
            out.append(re.sub(r"<([^:<>]+):[A-Z]{2}>", r"\1", line.split("\t", 1)[1]))
            if len(out) >= limit:
                break
    return tuple(out)


#: Containers that set the value between an opener and a closer, the label before or after them.
_WRAPPERS: dict[str, tuple[str, str]] = {
    "parentheses": ("(", ")"),
    "brackets": ("[", "]"),
    "quotes": ("\u201c", "\u201d"),
    "corner_quotes": ("「", "」"),
    "angle_brackets": ("<", ">"),
    "markdown_code": ("`", "`"),
    "bbcode": ("[b]", "[/b]"),
    "latex": ("\\texttt{", "}"),
    "hashtag": ("#", " #공유"),
    "double_parentheses": ("((", "))"),
    "markdown_bold": ("**", "**"),
}


def _contain(container: str, label: str, value: str, label_pos: str, key: str) -> tuple[str, int]:
    """The value inside its container with its label; returns (text, offset of the value)."""
    before = f"{label} " if label and label_pos == "before" else ""
    after = f" ({label})" if label and label_pos == "after" else ""
    more = _contain_more(container, label, value, label_pos, key)
    if more is not None:
        head, after = more
        if container in ("jsonl_record", "json_pretty", "json_ld_script"):
            value = json.dumps(value, ensure_ascii=False)[1:-1]
        if container in ("open_graph_meta", "excel_text_formula"):  # an attribute's or a formula's quote, escaped
            value = value.replace('"', "&quot;" if container == "open_graph_meta" else '""')
        if container == "url_query_percent_label" and not value.isascii():
            value = quote(value)
    elif container == "plain":
        head = before
    elif container in _WRAPPERS:  # the label, then the value between an opener and a closer
        opener, closer = _WRAPPERS[container]
        head = before + opener
        after = closer + after
    elif container == "markdown_table":
        head = f"\n| 항목 | 내용 |\n|---|---|\n| {label or '비고'} | "
        after = " |\n"
    elif container == "html_table":
        head = f"<table><tr><th>{label or '비고'}</th><td>"
        after = "</td></tr></table>"
    elif container == "json":
        head = f'{{"{label or "value"}": "'
        after = '"}'
        value = json.dumps(value, ensure_ascii=False)[1:-1]
    elif container == "url_query":
        head = f"{before}https://shop.example.kr/order?{key}="
        after = "&ref=mail" + after
    elif container == "csv_row":
        head = f"\n번호,{label or '비고'},등록일\n17,"
        after = ",2024-05-02\n"
    elif container == "xml_tag":
        head = f"{before}<{key}>"
        after = f"</{key}>" + after
    elif container == "sql_values":
        head = (f"-- {label}\n" if label and label_pos == "before" else "") + "INSERT INTO t VALUES (17, '"
        after = "', '2024-05-02');" + after
    elif container == "log_kv":
        head = f"{before}{key}="
        after = " status=200" + after
    elif container == "html_attribute":
        head = (f"<label>{label}</label>" if label and label_pos == "before" else "") + f'<input name="{key}" value="'
        after = '">' + after
    elif container == "yaml":
        head = f"\n{label or key}: "
        after = "\n"
    elif container == "tsv_row":
        head = f"\n번호\t{label or '비고'}\t등록일\n17\t"
        after = "\t2024-05-02\n"
    elif container == "html_list":
        head = f"<ul><li>{before}"
        after = after + "</li></ul>"
    elif container == "fullwidth_colon":
        head = f"{label}：" if label and label_pos == "before" else ""
    elif container == "mail_header":
        head = f"From: {label or '보낸사람'} <" if label and label_pos == "before" else "From: <"
        after = ">" + after
    elif container == "java_string":
        head = (f"// {label}\n" if label and label_pos == "before" else "") + 'String v = "'
        after = '";' + after
    elif container == "ini":
        head = f"\n[{label or 'user'}]\nvalue = " if label and label_pos == "before" else "\n[user]\nvalue = "
        after = "\n" + after
    elif container == "python_dict":
        head = f"{{'{label or 'value'}': '" if label and label_pos == "before" else "{'value': '"
        after = "'}" + after
    elif container == "org_table":
        head = f"\n| {label or '비고'} | "
        after = " |\n|-+-|\n"
    elif container == "toml":
        head = f'\n# {label}\nvalue = "' if label and label_pos == "before" else '\nvalue = "'
        after = '"\n' + after
    elif container == "emoji_bullet":
        head = f"📌 {before}"
    elif container == "php_array":
        head = f"'{label or key}' => '"
        after = "',"
    elif container == "http_header":
        head = f"\nX-{key.capitalize()}: " if not (label and label_pos == "before") else f"\n{label}: "
        after = after + "\r\n"  # a label after the value stays on its header line
    elif container == "env_file":
        head = f"\n# {label}\n{key.upper()}=" if label and label_pos == "before" else f"\n{key.upper()}="
        after = "\n" + after
    elif container == "csv_quoted":
        head = f'\n"번호","{label or "비고"}","등록일"\n"17","'
        after = '","2024-05-02"\n'
    elif container == "markdown_quote":
        head = f"\n> {before}"
        after = after + "\n"
    elif container == "html_span":
        head = f'{before}<span class="{key}">'
        after = "</span>" + after
    elif container == "json_array":
        head = f'{{"{label or key}": ["'
        after = '"]}'
        value = json.dumps(value, ensure_ascii=False)[1:-1]
    elif container == "vcard":
        head = "\nBEGIN:VCARD\n" + (f"NOTE:{label}\n" if label and label_pos == "before" else "") + f"{key.upper()}:"
        after = "\nEND:VCARD\n" + after
    elif container == "sms_header":
        head = f"[Web발신]\n{before}"
        after = after + "\n"
    elif container == "markdown_list":
        head = f"\n- {before}"
        after = after + "\n"
    elif container == "html_definition":
        head = f"<dl><dt>{label or '비고'}</dt><dd>"
        after = "</dd></dl>"
    elif container == "csv_semicolon":
        head = f"\n번호;{label or '비고'};등록일\n17;"
        after = ";2024-05-02\n"
    elif container == "xml_attribute":
        head = f'<field name="{label or key}" value="'
        after = '"/>'
    elif container == "chat_log":
        head = f"\n[오후 3:12] 보낸 메시지 : {before}"
        after = after + "\n"
    elif container == "numbered_list":
        head = f"\n1. 접수 완료\n2. {before}"
        after = after + "\n3. 처리 대기\n"
    elif container == "html_paragraph":
        head = f"<p>{before}<strong>"
        after = "</strong>" + after + "</p>"
    elif container == "pipe_row":
        head = f"\n번호|{label or '비고'}|등록일\n17|"
        after = "|2024-05-02\n"
    elif container == "form_field_underline":
        head = f"{label or '기재'}: ____" if label and label_pos == "before" else "____"
        after = "____" + after
    elif container == "email_quote":
        head = f"\n> > {before}"
        after = after + "\n> "
    elif container == "markdown_heading":
        head = f"\n### {before}"
        after = after + "\n"
    elif container == "kakao_chat":  # a line of an exported KakaoTalk chat: its date is digits and dots too
        head = f"\n2024. 5. 2. 오후 3:12, 김민수 : {before}"
        after = after + "\n"
    elif container == "html_br":
        head = f"{label}<br>" if label and label_pos == "before" else "<br>"
        after = "<br>" + after
    elif container == "url_path":
        head = f"{before}https://shop.example.kr/{key}/"
        after = "/detail" + after
    elif container == "note_mark":
        head = f"(※ {before}"
        after = after + " 기재)"
    elif container == "excel_text_cell":  # a spreadsheet's text cell pasted: an apostrophe before the value
        head = f"{label}\t'" if label and label_pos == "before" else "'"
        after = "\t" + after if after else "\t"
    elif container == "markdown_table_tight":
        head = f"\n|{label or '비고'}|"
        after = "|\n"
    elif container == "json_nested":
        head = f'{{"user": {{"{label or key}": "'
        after = '"}}'
        value = json.dumps(value, ensure_ascii=False)[1:-1]
    elif container == "lenticular_brackets":
        head = f"{before}【"
        after = "】" + after
    elif container == "html_table_row":
        head = f"<table><tr><th>번호</th><th>{label or '비고'}</th><th>등록일</th></tr><tr><td>17</td><td>"
        after = "</td><td>2024-05-02</td></tr></table>"
    elif container == "yaml_list":
        head = f"\n- {label or key}: "
        after = "\n"
    elif container == "code_comment":
        head = f"\n# {before}"
        after = after + "\n"
    elif container == "print_statement":
        head = (f"# {label}\n" if label and label_pos == "before" else "") + 'print("'
        after = '")' + after
    elif container == "sql_where":
        head = (f"-- {label}\n" if label and label_pos == "before" else "") + f"SELECT * FROM users WHERE {key} = '"
        after = "';" + after
    elif container == "markdown_footnote":
        head = f"본문 참고[^1]\n\n[^1]: {before}"
        after = after + "\n"
    elif container == "shell_export":
        head = (f"# {label}\n" if label and label_pos == "before" else "") + f'export {key.upper()}="'
        after = '"' + after
    elif container == "xml_cdata":
        head = f"<{key}><![CDATA[{before}"
        after = f"]]></{key}>" + after
    elif container == "html_input_value":
        head = (f"<label>{label}</label>" if label and label_pos == "before" else "") + '<input type="text" value="'
        after = '">' + after
    elif container == "markdown_link_text":
        head = f"{before}["
        after = f"](https://example.kr/{key})" + after
    elif container == "json_ascii_escaped":  # Python's json.dumps by default: every non-ASCII character escaped
        head = "{" + json.dumps(label or key) + ": \""
        after = "\"}"
        value = json.dumps(value)[1:-1]
    elif container == "srt_subtitle":
        head = f"\n12\n00:01:02,500 --> 00:01:05,000\n{before}"
        after = after + "\n"
    elif container == "jsx_prop":
        head = (f"{{/* {label} */}}\n" if label and label_pos == "before" else "") + f'<Contact {key}="'
        after = '" />' + after
    elif container == "protobuf_text":
        head = (f"# {label}\n" if label and label_pos == "before" else "") + f'{key}: "'
        after = '"\n' + after
    elif container == "markdown_table_aligned":
        head = f"\n| 번호 | {label or '비고'} |\n|:--:|:--|\n| 17 | "
        after = " |\n"
    elif container == "html_textarea":
        head = f'{before}<textarea name="{key}">'
        after = "</textarea>" + after
    elif container == "rst_field":
        head = f"\n:{label if label and label_pos == 'before' else key}: "
        after = "\n" + after
    elif container == "html_data_attribute":
        head = f'{before}<div data-{key}="'
        after = '"></div>' + after
    elif container == "wiki_template":
        head = "{{정보 | " + (f"{label}=" if label and label_pos == "before" else f"{key}=")
        after = " }}" + after
    elif container == "typescript_const":
        head = (f"// {label}\n" if label and label_pos == "before" else "") + f"const {key}: string = '"
        after = "';" + after
    elif container == "latex_table_row":
        head = f"\n{label or '비고'} & "
        after = " \\\\\n"
    elif container == "xml_comment":
        head = f"{before}<!-- "
        after = " -->" + after
    elif container == "asciidoc_table":
        head = f"\n|===\n|{label or '비고'}\n|"
        after = "\n|===\n"
    elif container == "graphql_arg":
        head = (f"# {label}\n" if label and label_pos == "before" else "") + f'query {{ user({key}: "'
        after = '") { id } }' + after
    elif container == "key_value":
        head = f"{label or key} = "
        after = "\n"
    else:
        raise ValueError(container)
    return head + value + after, len(head)


def _contain_more(container: str, label: str, value: str, label_pos: str, key: str) -> tuple[str, str] | None:
    """(head, after) of the containers written at stops 39 to 55 (``heldout19`` to ``heldout37``), or None for
    another."""
    before = label and label_pos == "before"
    after = f" ({label})" if label and label_pos == "after" else ""
    if container == "sql_update":
        head = (f"-- {label}\n" if before else "") + f"UPDATE members SET {key} = '"
        return head, "' WHERE id = 17;" + after
    if container == "yaml_block_scalar":
        return f"\n{label or key}: |\n  ", "\n" + after
    if container == "xml_field_attribute":
        return f'<field name="{label or key}">', "</field>" + after
    if container == "html_option":
        head = (f"<label>{label}</label>" if before else "") + f'<select name="{key}"><option selected>'
        return head, "</option></select>" + after
    lead = f"{label} " if before else ""
    if container == "log_timestamped":
        return f"[2024-05-02 12:30:45] INFO {lead}{key}=", " status=ok" + after
    if container == "xml_namespaced":
        return f"{lead}<ns:{key}>", f"</ns:{key}>" + after
    if container == "html_title_attribute":
        return f'{lead}<span title="', '">ⓘ</span>' + after
    if container == "url_fragment":
        return f"{lead}https://m.example.kr/p#{key}=", after
    if container == "jsonl_record":  # the value JSON-escaped by ``_contain``
        return f'{{"id": 17, "{label or key}": "', '", "ts": "2024-05-02T12:30:45"}' + after
    if container == "html_pre":
        return f"<pre>{lead}", after + "</pre>"
    if container == "nested_quote":
        return f"\n>> {lead}", after + "\n"
    if container == "key_colon_tab":
        return f"\n{label or key}:\t", "\n" + after
    if container == "toml_inline_table":
        return (f"\n# {label}\n" if before else "\n") + f'user = {{ {key} = "', '" }\n' + after
    if container == "ics_description":
        return f"\nBEGIN:VEVENT\nDESCRIPTION:{lead}", "\nEND:VEVENT\n" + after
    if container == "markdown_checkbox":
        return f"\n- [x] {lead}", after + "\n"
    if container == "html_button":
        return f'{lead}<button type="button" value="', '">확인</button>' + after
    if container == "web_sender_sms":
        return f"\n[Web발신]\n{lead}", "\n" + after
    if container == "markdown_admonition":
        return f"\n> [!NOTE]\n> {lead}", after + "\n"
    if container == "kotlin_map":
        return (f"// {label}\n" if before else "") + f'val m = mapOf("{key}" to "', '")' + after
    if container == "html_meta_content":
        return f'{lead}<meta name="{key}" content="', '">' + after
    if container == "email_signature":  # the block under a mail's "-- " line
        return f"\n-- \n홍길동 | 고객지원팀\n{lead}", "\n" + after
    if container == "xml_plist":
        return f"{lead}<dict><key>{key}</key><string>", "</string></dict>" + after
    if container == "box_drawing_table":  # a table drawn with box characters, as a terminal or an editor prints it
        return f"\n┌────────┐\n│ {label if before else key} │ ", " │\n└────────┘\n" + after
    if container == "ruby_hash":
        return (f"# {label}\n" if before else "") + f'{{ {key}: "', '" }' + after
    if container == "html_details":
        return f"<details><summary>{label if before else key}</summary>", "</details>" + after
    if container == "yaml_flow_mapping":
        return (f"# {label}\n" if before else "") + f"{{{key}: ", "}" + after
    if container == "checkbox_form":  # a printed form's ticked box
        return f"\n☑ {lead}", "\n" + after
    if container == "forwarded_mail":
        return f"\n---------- Forwarded message ---------\n보낸사람: 고객센터\n{lead}", "\n" + after
    if container == "latex_footnote":
        return f"\\footnote{{{lead}", "}" + after
    if container == "blockquote_table":
        return f"\n> | {label if before else key} | ", " |\n" + after
    if container == "html_figcaption":
        return f"<figure><figcaption>{lead}", "</figcaption></figure>" + after
    if container == "json_pretty":  # the value JSON-escaped by ``_contain``
        return f'{{\n  "{label or key}": "', '"\n}' + after
    if container == "fenced_code_block":
        return f"\n```\n{(label or key).rstrip(' :')}: ", "\n```\n" + after
    if container == "csv_with_header":  # the label is the column's header, the value a row below it
        return f"\n번호,{label if before else key}\n1,", "\n" + after
    if container == "php_var_dump":  # PHP's var_dump of an array, as a debug page prints it
        head = (f"// {label}\n" if before else "") + f'array(1) {{\n  ["{key}"]=>\n'
        return head + f'  string({len(value.encode())}) "', '"\n}' + after
    if container == "html_strong_label":
        return (f"<p><strong>{label}</strong> " if before else "<p>"), "</p>" + after
    if container == "pdf_column_gap":  # a PDF's table as text extraction leaves it: a wide gap between the cells
        return f"\n{label if before else key}{' ' * 12}", "\n" + after
    if container == "html_table_attributes":
        head = f'<table class="info"><tr><th scope="row">{label or key}</th><td class="value" colspan="2">'
        return head, "</td></tr></table>" + after
    if container == "arrow_label":
        return f"\n{(label or key).rstrip(' :')} → ", "\n" + after
    if container == "triangle_bullet":
        return f"\n▶ {(label or key).rstrip(' :')} : ", "\n" + after
    if container == "jira_table":  # Jira's wiki markup: || for a header cell, | for a cell
        return f"\n||{label if before else key}||\n|", "|\n" + after
    if container == "excel_formula":  # a CSV cell written as a formula, so that a spreadsheet keeps its zeros
        return f'{lead}="', '"' + after
    if container == "svg_text":
        return f'{lead}<svg width="200" height="20"><text x="0" y="15">', "</text></svg>" + after
    if container == "go_struct_field":
        return (f"// {label}\n" if before else "") + f'{key.title().replace("_", "")}: "', '",' + after
    if container == "markdown_tel_link":  # a page's call or mail button in Markdown: [전화하기](tel:010-...)
        return f"{lead}[바로가기](tel:", ")" + after
    if container == "discord_spoiler":  # a chat's spoiler marks around the value
        return f"{lead}||", "||" + after
    if container == "namuwiki_table":  # a namu wiki table row: cells between double bars
        return f"\n|| {(label or key).rstrip(' :')} || ", " ||\n" + after
    if container == "xml_single_quoted":
        return f"{lead}<field name='{key}' value='", "'/>" + after
    if container == "html_address_tag":  # HTML's element for a page's contact details
        return f"<address>{lead}", "</address>" + after
    if container == "markdown_definition_list":  # the term, then the definition after a colon on the next line
        return f"\n{(label or key).rstrip(' :')}\n: ", "\n" + after
    if container == "phone_emoji_lead":  # a listing's telephone emoji before the value
        return f"{lead}📞 ", after
    if container == "double_escaped_html":  # a crawl that escaped a page's markup a second time
        return f"&lt;td&gt;{lead}", "&lt;/td&gt;" + after
    if container == "hwp_html_export":  # a word processor's HTML export: upper-case tags, styles in single quotes
        return (f"<TD><P CLASS=HStyle0><SPAN STYLE='font-family:\"굴림\"'>{lead}",
                "</SPAN></P></TD>" + after)
    if container == "dc_reply_marker":  # a board's reply line, marked with ㄴ
        return f"\nㄴ{lead}", "\n" + after
    if container == "url_query_percent_label":  # a form's GET query, its Korean field name percent-encoded
        return f"https://example.com/apply?{quote(label or key)}=", "&agree=Y" + after
    if container == "html_tel_href":  # a call button: the value in the link only
        return f'{lead}<a href="tel:', '">전화 걸기</a>' + after
    if container == "html_abbr_title":  # the label in an abbreviation's title, shown on hover
        return (f'<abbr title="{label.rstrip(" :")}">' if before else "<abbr>"), "</abbr>" + after
    if container == "letter_spaced_label":  # a form's heading spaced out letter by letter: 연 락 처 :
        return (" ".join(label.replace(" ", "")) + " : " if before else ""), after
    if container == "markdown_reference_link":  # a Markdown link definition: [label]: value
        return f"\n[{(label or key).rstrip(' :')}]: ", "\n" + after
    if container == "naver_smart_editor":  # a blog editor's paragraph markup
        return (f'<p class="se-text-paragraph"><span class="se-fs-fs15 se-ff-">{lead}',
                "</span></p>" + after)
    if container == "dot_leader_row":  # a receipt's or a form's row: the label, a leader of dots, the value
        return f"\n{(label or key).rstrip(' :')} ........ ", "\n" + after
    if container == "mediawiki_table":  # a MediaWiki table's row, the label's cell first
        return f'\n{{| class="wikitable"\n|-\n| {label or "비고"} || ', "\n|}\n" + after
    if container == "bbcode_table":  # a forum's BBCode table
        return f"[table][tr][td]{label or '비고'}[/td][td]", "[/td][/tr][/table]" + after
    if container == "webvtt_cue":  # a web video's subtitle cue
        return f"WEBVTT\n\n00:00:03.000 --> 00:00:06.500\n{lead}", "\n" + after
    if container == "php_serialized":  # a database dump's PHP-serialized array, the value's byte length before it
        k = (label or key).rstrip(" :")
        return (f'a:1:{{s:{len(k.encode())}:"{k}";s:{len(value.encode())}:"', '";}' + after)
    if container == "mhtml_quoted_printable":  # a saved mail's HTML, quoted-printable: = as =3D
        return f'<td class=3D"value">{lead}', "</td>" + after
    if container == "slack_mrkdwn_link":  # a chat export's link markup: <target|shown>
        return f"{lead}<https://example.com/u|", ">" + after
    if container == "multipart_form":  # a form's multipart body, the field's name in its header
        name = (label or key).rstrip(" :")
        return f'Content-Disposition: form-data; name="{name}"\r\n\r\n', "\r\n--boundary--" + after
    if container == "wiki_infobox":  # a wiki's information box, the label as its field
        return f"{{{{정보상자\n| {(label or key).rstrip(' :')} = ", "\n}}" + after
    if container == "latex_href":  # a LaTeX document's link, the value as its target and its text
        return f"{lead}\\href{{", "}{연락}" + after
    if container == "json_ld_script":  # a page's structured data, the value JSON-escaped by ``_contain``
        return (f'{lead}<script type="application/ld+json">{{"@type": "LocalBusiness", "{key}": "',
                '"}</script>' + after)
    if container == "open_graph_meta":  # a page's description for link previews, the label inside it
        return f'<meta property="og:description" content="{lead}', '">' + after
    if container == "excel_text_formula":  # a spreadsheet's cell forced to text, as exported: ="010-..."
        return f'{lead}="', '"' + after
    if container == "rtf_fragment":  # a rich-text document's paragraph, a tab control word between label and value
        return f"{{\\rtf1\\ansi {(label or key).rstrip(' :')}\\tab ", "\\par}" + after
    if container == "jinja_set":  # a template's variable, its label in a comment before it
        return f'{{# {lead}#}}{{% set {key} = "' if before else f'{{% set {key} = "', '" %}' + after
    if container == "apache_log_query":  # a web server's access log line, the value in the request's query
        return f'{lead}localhost - - [02/May/2024:12:30:45 +0900] "GET /form?{key}=', ' HTTP/1.1" 200 512' + after
    if container == "ascii_box":  # a box drawn with ASCII characters
        return f"+------------------------------+\n| {lead}", " |\n+------------------------------+" + after
    if container == "xml_entity_encoded_label":  # the label written as numeric character references
        encoded = "".join(f"&#{ord(c)};" for c in label) if label else ""
        return (f"<field>{encoded} " if before else "<field>"), "</field>" + after
    return None


@dataclass
class Planted:
    entity: str
    start: int
    end: int
    writing: str
    container: str
    label_pos: str
    genre: str
    decidable: bool


@dataclass
class Case:
    half: str
    text: str
    planted: list[Planted] = field(default_factory=list)
    #: (kind, value) hard negatives that must survive redaction verbatim
    negatives: list[tuple[str, str]] = field(default_factory=list)


_CHECKSUMMED = frozenset({"KR_RRN", "KR_FRN", "KR_CRN", "KR_BRN", "CREDIT_CARD"})
_KEYS = {"PHONE_NUMBER": "tel", "EMAIL_ADDRESS": "email", "KR_RRN": "rrn", "CREDIT_CARD": "card", "PERSON": "name"}


@st.composite
def planted_value(draw: st.DrawFn, half: str, entity: str | None = None) -> tuple[str, Planted]:
    """A fragment holding one identifier, and its Planted (offsets within the fragment)."""
    entity = entity or draw(st.sampled_from(ENTITIES))
    value, writing = draw(written(entity, half))
    if entity == "PERSON" and draw(st.booleans()):  # a name in its context, no label (stop 57)
        writing, frame = draw(st.sampled_from(NAME_CONTEXTS[half]))
        start = frame.index("{v}")
        return (frame.replace("{v}", value),
                Planted(entity, start, start + len(value), writing, "plain", "context", "", True))
    container = draw(st.sampled_from(CONTAINERS[half]))
    if entity == "KR_ADDRESS" and container in ("url_query", "json", "json_nested"):
        container = "plain"
    if container == "html_tel_href" and entity != "PHONE_NUMBER":
        container = "plain"  # a call button links a telephone number only
    if container in ("url_query_percent_label", "html_tel_href") and (entity == "KR_ADDRESS" or any(
            c.isspace() for c in value)):
        container = "plain"  # no whitespace of any kind inside a link
    if container in ("url_query", "url_path", "url_fragment") and (" " in value or "\n" in value or "/" in value):
        container = "plain"  # a URL holds no raw spaces, and a slash in its path ends a segment
    label_pos = draw(st.sampled_from(("before", "after", "absent")))
    if entity == "PERSON":
        label_pos = "before"  # names are decidable by a label or a role only
    label = draw(st.sampled_from(LABELS[entity][half])) if label_pos != "absent" else ""
    if entity == "PERSON" and draw(st.booleans()):
        label = f"{label}:"
    particle = draw(st.sampled_from(PARTICLES[half])) if container == "plain" and label_pos != "after" else ""
    fragment, offset = _contain(container, label, value, label_pos, _KEYS.get(entity, "q"))
    if container in ("json", "json_nested"):
        value = json.dumps(value, ensure_ascii=False)[1:-1]
    if container == "url_query_percent_label" and not value.isascii():
        value = quote(value)  # a name in a query string is percent-encoded as its field's name is
    end = offset + len(value)
    fragment = fragment[:end] + particle + fragment[end:]
    decidable = not (entity in NEEDS_LABEL and label_pos == "absent")
    if entity in ("KR_BRN", "KR_CRN", "KR_DRIVER_LICENSE") and writing in ("none",) and label_pos == "absent":
        decidable = False  # a bare number of that length with no separator: its checksum alone is weak
    if container == "csv_row" and "comma" in writing and entity not in _CHECKSUMMED:
        decidable = False  # split by the row's own delimiter: fields of a list, unless a checksum ties them
    if container == "tsv_row" and "tab" in writing:
        decidable = False  # split into the row's cells by its own delimiter
    if container == "pipe_row" and "vertical_bar" in writing:
        decidable = False  # the same in a row delimited by bars
    return fragment, Planted(entity, offset, end, writing, container, label_pos, "", decidable)


# ----------------------------------------------------------------------------- hard negatives


@st.composite
def hard_negative(draw: st.DrawFn) -> tuple[str, str, str]:
    """(kind, value, sentence with {x}) for a string that looks like PII and is not."""
    i = st.integers
    kind = draw(
        st.sampled_from(
            (
                "masked",
                "statute",
                "case",
                "date",
                "price",
                "product",
                "order",
                "tracking",
                "standard",
                "isbn",
                "doi",
                "version",
                "coordinates",
                "serial",
                "public_figure",
            )
        )
    )
    if kind == "masked":
        f, _ = draw(rrn_groups())
        v = draw(
            st.sampled_from(
                (
                    f"{f}-{draw(i(1, 4))}******",
                    f"010-****-{draw(_num(4))}",
                    f"{draw(_num(4))}-****-****-{draw(_num(4))}",
                )
            )
        )
        return kind, v, "고객 정보({x})는 이미 가려서 보관합니다."
    if kind == "statute":
        return kind, f"제{draw(i(1, 300))}조의{draw(i(2, 9))} 제{draw(i(1, 9))}항", "{x}에 따라 처리한다."
    if kind == "case":
        mark = draw(st.sampled_from(("다", "가합", "도", "노", "누", "구합")))
        v = f"{draw(i(1990, 2025))}{mark}{draw(i(100, 99999))}"
        return kind, v, "대법원 {x} 판결 참조."
    if kind == "date":
        y, m, d = draw(i(1990, 2030)), draw(i(1, 12)), draw(i(1, 28))
        v = draw(
            st.sampled_from((f"{y}-{m:02d}-{d:02d}", f"{y}. {m}. {d}.", f"{y}.{m:02d}.{d:02d}", f"{y}년 {m}월 {d}일"))
        )
        return kind, v, "행사는 {x}에 열린다."
    if kind == "price":
        return kind, f"{draw(i(1000, 99_000_000)):,}원", "가격은 {x}입니다."
    if kind == "product":
        v = draw(
            st.sampled_from(
                (
                    f"SM-G{draw(_num(3))}N",
                    f"LG-{draw(_num(5))}",
                    f"KF{draw(i(80, 99))}",
                    f"HD-{draw(_num(4))}-{draw(_num(4))}",
                )
            )
        )
        return kind, v, "제품명 {x} 사용 후기."
    if kind == "order":
        v = draw(
            st.sampled_from(
                (
                    f"{draw(i(2015, 2026))}{draw(_num(8))}",
                    f"{draw(i(2015, 2026))}{draw(_num(4))}-{draw(_num(7))}",
                    f"{draw(i(2015, 2026))}{draw(_num(10))}",
                )
            )
        )
        return kind, v, "참고: 주문번호 {x}."
    if kind == "tracking":
        return kind, f"{draw(_num(4))}-{draw(_num(4))}-{draw(_num(4))}", "운송장번호 {x} 조회 가능."
    if kind == "standard":
        v = draw(
            st.sampled_from(
                (
                    f"ISO {draw(i(1000, 99999))}:{draw(i(1990, 2025))}",
                    f"KS C IEC {draw(i(60000, 62999))}-{draw(i(1, 9))}-{draw(i(1, 9))}",
                    f"IEC {draw(i(60000, 62999))}",
                    f"KS X {draw(i(1000, 9999))}",
                )
            )
        )
        return kind, v, "{x} 규격에 맞게 시험하였다."
    if kind == "isbn":
        v = f"978-89-{draw(_num(3))}-{draw(_num(4))}-{draw(_num(1))}"
        return kind, v, "ISBN {x}"
    if kind == "doi":
        return kind, f"10.{draw(i(1000, 9999))}/j.{draw(_num(4))}.{draw(_num(3))}", "doi: {x}"
    if kind == "version":
        v = f"{draw(i(1, 20))}.{draw(i(0, 30))}.{draw(i(0, 99))}"
        return kind, v, "버전 {x} 업데이트 내역"
    if kind == "coordinates":
        v = f"{draw(i(33, 38))}.{draw(_num(4))}, {draw(i(124, 131))}.{draw(_num(4))}"
        return kind, v, "좌표는 ({x})이다."
    if kind == "serial":
        v = f"010-{draw(_num(4))}-{draw(_num(4))}"
        return kind, v, draw(st.sampled_from(("모델 S/N {x} 확인 후 등록하십시오.", "시리얼 {x}")))
    v = draw(st.sampled_from(("윤석열", "이재명", "문재인", "세종대왕", "이순신", "김연아", "손흥민")))
    role = draw(st.sampled_from(("대통령은", "대표는", "선수는", "장군은", "전 대통령이")))
    return kind, v, "{x} " + role + " 이날 기자회견을 열었다."


# ----------------------------------------------------------------------------- documents


@st.composite
def document(
    draw: st.DrawFn,
    half: str,
    pool: tuple[str, ...] = (),
    entity: str | None = None,
    max_pii: int = 3,
    max_neg: int = 2,
) -> Case:
    """A document: real (or filler) sentences, 1 to ``max_pii`` identifiers in genre frames of
    ``half``, and 0 to ``max_neg`` hard negatives, shuffled in by position."""
    sentences = pool or _FILLER
    genres = GENRES[half]
    case = Case(half=half, text="")
    pieces: list[tuple[str, Planted | tuple[str, str] | None, int]] = []
    for _ in range(draw(st.integers(1, max_pii))):
        fragment, p = draw(planted_value(half, entity))
        genre = draw(st.sampled_from(sorted(genres)))
        frame = draw(st.sampled_from(genres[genre]))
        p.genre = genre
        at = frame.index("{x}")
        pieces.append((frame.replace("{x}", fragment), p, at))
    for _ in range(draw(st.integers(0, max_neg))):
        kind, value, frame = draw(hard_negative())
        pieces.append((frame.replace("{x}", value), (kind, value), frame.index("{x}")))
    for _ in range(draw(st.integers(1, 4))):
        pieces.append((draw(st.sampled_from(sentences)), None, 0))
    order = draw(st.permutations(range(len(pieces))))
    text = ""
    for k in order:
        chunk, what, at = pieces[k]
        if text:
            text += draw(st.sampled_from((" ", "\n", "\n\n")))
        if isinstance(what, Planted):
            what.start += len(text) + at
            what.end += len(text) + at
            case.planted.append(what)
        elif isinstance(what, tuple):
            case.negatives.append(what)
        text += chunk
    case.text = text
    return case


def cases(n: int, half: str, seed: int, pool: tuple[str, ...] = (), entity: str | None = None) -> list[Case]:
    """``n`` documents drawn reproducibly (derandomized ``hypothesis``, no shrinking) for the benchmark."""
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as fixed_seed

    out: list[Case] = []

    @fixed_seed(seed)
    @settings(
        max_examples=n, database=None, phases=[Phase.generate], deadline=None, suppress_health_check=list(HealthCheck)
    )
    @given(document(half, pool, entity))
    def collect(case: Case) -> None:
        out.append(case)

    collect()
    return out
