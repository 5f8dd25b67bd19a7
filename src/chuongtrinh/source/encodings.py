"""Vietnamese text in the pre-Unicode encodings TCVN3 (ABC) and VNI: detect a line, convert it.

Text copied from old documents keeps the 8-bit codes of the .VnTime or VNI-Times fonts, which
arrive as Latin-1 letters ("B¸o c¸o", "Baùo caùo"). No maintained PyPI package converts these
(the known converters are npm, C# or QGIS scripts), so the two tables live here as data.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache

# The tones in the order every table below lists them: none, huyền, sắc, hỏi, ngã, nặng.
_UNICODE_LOWER = (
    "aàáảãạ ăằắẳẵặ âầấẩẫậ eèéẻẽẹ êềếểễệ iìíỉĩị oòóỏõọ ôồốổỗộ ơờớởỡợ uùúủũụ ưừứửữự yỳýỷỹỵ đ"
)

# TCVN3 (ABC, .VnTime): one byte per lowercase letter; capitals with tones need the .VnTimeH
# font, which draws the same codes as capitals, so only Ă Â Đ Ê Ô Ơ Ư have codes of their own.
_TCVN3_LOWER = (
    "aµ¸¶·¹ ¨»¾¼½Æ ©ÇÊÈÉË eÌÐÎÏÑ ªÒÕÓÔÖ i×ÝØÜÞ oßãáâä «åèæçé ¬êíëìî uïóñòô \xadõøö÷ù yúýûüþ ®"
)
_TCVN3_CAPITALS = {"¡": "Ă", "¢": "Â", "§": "Đ", "£": "Ê", "¤": "Ô", "¥": "Ơ", "¦": "Ư"}

# VNI-Windows: a base letter followed by a mark character; i, ơ, ư, đ and ỵ have their own.
_VNI_MARKS = "øùûõï"  # huyền, sắc, hỏi, ngã, nặng after a plain vowel
_VNI_CIRCUMFLEX = "âàáåãä"  # â ê ô and their tones
_VNI_BREVE = "êèéúüë"  # ă and its tones
_VNI_SPECIAL_LOWER = {
    "ì": "ì",
    "í": "í",
    "æ": "ỉ",
    "ó": "ĩ",
    "ò": "ị",
    "ô": "ơ",
    "ö": "ư",
    "ñ": "đ",
    "î": "ỵ",
}

TCVN3 = "TCVN3"
VNI = "VNI"
NAMES = {TCVN3: "TCVN3 (ABC, phông .VnTime)", VNI: "VNI (phông VNI-Times)"}

# Letters and signs that Unicode Vietnamese text uses beyond ASCII.
_VIETNAMESE = set(_UNICODE_LOWER.replace(" ", "")) | set(_UNICODE_LOWER.upper().replace(" ", ""))
_TYPOGRAPHY = set("“”‘’–—…•°€\u00a0")
# Letters only Unicode text has (ă đ ơ ư ĩ ũ, most tone letters), searched for in one pass.
_UNICODE_ONLY = re.compile("[" + "".join(sorted(c for c in _VIETNAMESE if ord(c) > 0xFF)) + "]")


def _unicode_only(text: str) -> bool:
    return _UNICODE_ONLY.search(text) is not None


@cache
def _tcvn3_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for legacy, modern in zip(_TCVN3_LOWER.split(" "), _UNICODE_LOWER.split(" "), strict=True):
        for old, new in zip(legacy, modern, strict=True):
            if old != new:
                table[old] = new
    table.update(_TCVN3_CAPITALS)
    return table


@cache
def _vni_table() -> dict[str, str]:
    table: dict[str, str] = {}
    # ỵ has a code of its own (î), so y takes only four of the five marks.
    for vowel, tones in (("a", "àáảãạ"), ("e", "èéẻẽẹ"), ("o", "òóỏõọ"), ("u", "ùúủũụ")):
        for mark, letter in zip(_VNI_MARKS, tones, strict=True):
            table[vowel + mark] = letter
    for mark, letter in zip(_VNI_MARKS[:4], "ỳýỷỹ", strict=True):
        table["y" + mark] = letter
    for vowel, letters in (("a", "âầấẩẫậ"), ("e", "êềếểễệ"), ("o", "ôồốổỗộ")):
        for mark, letter in zip(_VNI_CIRCUMFLEX, letters, strict=True):
            table[vowel + mark] = letter
    for mark, letter in zip(_VNI_BREVE, "ăằắẳẵặ", strict=True):
        table["a" + mark] = letter
    for base, letters in (("ô", "ờớởỡợ"), ("ö", "ừứửữự")):
        for mark, letter in zip(_VNI_MARKS, letters, strict=True):
            table[base + mark] = letter
    table.update(_VNI_SPECIAL_LOWER)
    table.update({old.upper(): new.upper() for old, new in table.items()})
    table.update(
        {old[0].upper() + old[1:]: new.upper() for old, new in table.items() if len(old) == 2}
    )
    return {old: new for old, new in table.items() if old != new}


def _translator(table: dict[str, str]) -> Callable[[str], str]:
    pattern = re.compile("|".join(sorted(map(re.escape, table), key=len, reverse=True)))
    return lambda text: pattern.sub(lambda m: table[m.group(0)], text)


@cache
def _converters() -> dict[str, Callable[[str], str]]:
    return {TCVN3: _tcvn3_converter(), VNI: _translator(_vni_table())}


def _tcvn3_converter() -> Callable[[str], str]:
    table = _tcvn3_table()
    translate = str.maketrans(table)
    word = re.compile(r"\S+")

    def convert(text: str) -> str:
        # A word whose ASCII letters are all capitals was typed in .VnTimeH: keep it in capitals.
        def one(match: re.Match[str]) -> str:
            old = match.group(0)
            new = old.translate(translate)
            ascii_letters = [c for c in old if c.isascii() and c.isalpha()]
            capitals = ascii_letters and all(c.isupper() for c in ascii_letters)
            if new != old and capitals and (len(ascii_letters) > 1 or not old[0].isascii()):
                return new.upper()  # "ñY" is "ỦY"; "Uû" alone is the title-case "Uỷ"
            return new

        return word.sub(one, text)

    return convert


def legacy_fonts(fonts: Iterable[str]) -> list[str]:
    """The TCVN3 ('.VnTime', '.VnTimeH') and VNI ('VNI-Times') fonts among `fonts`."""
    return sorted({f for f in fonts if f.startswith(".Vn") or f.upper().startswith("VNI")})


def convert(text: str, encoding: str) -> str:
    """`text` read as `encoding` (TCVN3 or VNI) → Unicode."""
    return _converters()[encoding](text)


def _odd(text: str) -> list[str]:
    """Characters above ASCII that Unicode Vietnamese does not use."""
    return [c for c in text if ord(c) > 127 and c not in _VIETNAMESE and c not in _TYPOGRAPHY]


def reads_as_unicode_vietnamese(text: str) -> bool:
    """Vietnamese letters beyond Latin-1 and nothing Vietnamese text would not contain."""
    return not _odd(text) and _unicode_only(text)


def _plausible(text: str) -> bool:
    """Nothing left that Vietnamese text would not contain."""
    return not _odd(text)


@cache
def _vni_evidence() -> re.Pattern[str]:
    # Pairs no Unicode text has: a or e followed by a mark, ơ/ư with a tone, and đ/ư/ỵ/ỉ alone.
    # (o or u followed by à, á, ã is left out: "hoà", "khoá" are Unicode words.)
    pairs = [k for k in _vni_table() if len(k) == 2 and k[0].lower() in "aeôö"]
    singles = "ñÑöÖîÎæÆ"
    return re.compile(
        "|".join(sorted(map(re.escape, pairs), key=len, reverse=True)) + f"|[{singles}]"
    )


def _score(text: str, encoding: str) -> int:
    if encoding == TCVN3:
        # TCVN3 puts ă â ê ô ơ ư đ and the a-tones in A1–BF, which VNI never uses.
        high = sum(1 for c in text if "\xa1" <= c <= "\xbf" or c == "\xad")
        return 2 * high + len(_odd(text)) - high
    return 2 * len(_vni_evidence().findall(text))


def detect(text: str) -> str | None:
    """TCVN3 or VNI when `text` reads as Vietnamese in that encoding and not as Unicode."""
    if text.isascii() or _unicode_only(text):
        return None  # ă đ ơ ư ĩ ũ and most tone letters exist only in Unicode text
    odd = _odd(text)
    scores = {enc: _score(text, enc) for enc in (VNI, TCVN3)}
    found = [enc for enc, score in scores.items() if score and _plausible(convert(text, enc))]
    if not found or (not odd and scores[VNI] < 4):
        return None
    beyond_ascii = sum(1 for c in text if ord(c) > 127)
    if len(odd) == 1 and scores[VNI] < 4 and 2 * len(odd) < beyond_ascii:
        return None  # one odd sign in Unicode text ("© 2023 Ban Tuyên giáo") is not legacy text
    return max(found, key=lambda enc: scores[enc])  # a tie goes to VNI, listed first


def fix_lines(text: str) -> tuple[str, dict[str, int]]:
    """Convert every line that reads as TCVN3 or VNI; return the text and lines per encoding."""
    counts: dict[str, int] = {}
    lines = text.splitlines(keepends=True)
    for number, line in enumerate(lines):
        encoding = detect(line)
        if encoding is not None:
            lines[number] = convert(line, encoding)
            counts[encoding] = counts.get(encoding, 0) + 1
    return "".join(lines), counts
