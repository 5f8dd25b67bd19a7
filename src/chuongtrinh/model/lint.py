"""Rules over a validated program and its profile that pydantic cannot express."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator, Sequence

from chuongtrinh.errors import Diagnostic
from chuongtrinh.model import lint_annex, lint_shape, lint_text
from chuongtrinh.model.body import Note, work_items
from chuongtrinh.model.fields import year_of
from chuongtrinh.model.program import Item, Program, Section
from chuongtrinh.profiles.choose import rule_date
from chuongtrinh.profiles.models import Profile
from chuongtrinh.profiles.recognise import phrasebook
from chuongtrinh.source.located import Located, Path_


def _warning(
    located: Located, path: Path_, code: str, message: str, hint: str | None = None
) -> Diagnostic:
    return located.diagnostic(path, code, message, hint, severity="warning")


def _not_in_force(profile: Profile, day: dt.date) -> str:
    if profile.in_force_from is not None and day < profile.in_force_from:
        return f"chưa có hiệu lực vào ngày này (từ {profile.in_force_from:%d/%m/%Y})"
    return "không còn hiệu lực vào ngày này"


def check(program: Program, profile: Profile, located: Located) -> list[Diagnostic]:
    """Errors that stop a build and warnings that do not, each at its key's place."""
    found: list[Diagnostic] = []
    if program.kind not in profile.kinds and program.kind_name is None:
        found.append(
            located.diagnostic(
                ("loai",),
                "unknown-kind",
                f"loại văn bản '{program.kind}' không có trong bảng viết tắt của {profile.name}",
                "dùng một trong: " + ", ".join(profile.kinds) + "; hoặc ghi thêm ten_loai",
            )
        )
    abbreviation = program.organization.abbreviation
    if abbreviation in profile.dropped_issuers:
        found.append(
            _warning(
                located,
                ("co_quan", "viet_tat"),
                "dropped-abbreviation",
                f"chữ viết tắt '{abbreviation}' không còn dùng theo {profile.source}",
                "các chữ viết tắt mới: " + ", ".join(profile.issuers),
            )
        )
    day = rule_date(program.date)  # the day the builder chose the rule set for
    if not profile.in_force_on(day):
        found.append(
            _warning(
                located,
                ("ngay",),
                "profile-not-in-force",
                f"bộ quy tắc {profile.name} ({profile.source}) {_not_in_force(profile, day)}",
            )
        )
    if not program.is_draft:
        found += _issued_checks(program, located)
    found += _typed_marks(program, located)
    found += lint_shape.check(located)
    if lint_shape.recipients_as_text(located) is None:  # else one line is no recipient list
        found += _recipients(program, profile, located)
    found += _agency_spellings(program, located)
    found += _authority(program, profile, located)
    found += _number(program, profile, located)
    found += _grounds(program, profile, located)
    found += _summary_year(program, located)
    found += _long_items(program, profile, located)
    found += lint_text.check(located, profile)
    found += lint_annex.check(program, located)
    return found


def _issued_checks(program: Program, located: Located) -> list[Diagnostic]:
    """A document that is not a draft should carry a full date, a number and a signer."""
    found = []
    if not isinstance(program.date, dt.date):
        found.append(
            _warning(
                located,
                ("ngay",),
                "incomplete-date",
                "văn bản chính thức cần ngày tháng đầy đủ",
                "ghi ngày dạng 2023-02-01, hoặc đặt du_thao: true nếu đây là dự thảo",
            )
        )
    if program.number is None and program.attached_to is None and program.prints("so"):
        found.append(
            _warning(
                located, ("so",), "missing-number", "văn bản chính thức chưa có số (khóa 'so')"
            )
        )
    signature = program.signature
    # A body signing alone ("BAN TỔ CHỨC") has no signer to name.
    if signature is not None and signature.name is None and signature.position is not None:
        found.append(
            _warning(
                located, ("ky",), "missing-signer", "văn bản chính thức chưa có họ tên người ký"
            )
        )
    return found + _closing(program, located)


def _closing(program: Program, located: Located) -> list[Diagnostic]:
    """An official document with neither recipients nor a signature, not left out on purpose."""
    chosen = {"noi_nhan", "ky"} & set(program.omit)
    if program.recipients or program.signature is not None or chosen:
        return []
    return [
        _warning(
            located,
            (),
            "missing-closing",
            "văn bản chính thức không có nơi nhận (noi_nhan) và chữ ký (ky)",
            "thêm noi_nhan và ky; hoặc, nếu văn bản gửi kèm không cần chúng,"
            " ghi khong_in: [noi_nhan, ky]",
        )
    ]


def sections(
    body: Sequence[Section], path: Path_ = ("noi_dung",)
) -> Iterator[tuple[Path_, Section]]:
    """Every section of the body, depth first, with its path in the file."""
    for index, section in enumerate(body):
        here = (*path, index)
        yield here, section
        yield from sections(section.sections, (*here, "noi_dung"))


def items(program: Program) -> Iterator[tuple[Path_, Item]]:
    """Every item with its path, sub-items after their item (free paragraphs skipped)."""
    for path, section in sections(program.body):
        yield from _items(section.items, (*path, "muc"))


def _items(entries: Sequence[Item | Note], path: Path_) -> Iterator[tuple[Path_, Item]]:
    for index, item in work_items(entries):
        yield (*path, index), item
        yield from _items(item.items, (*path, index, "muc"))


def _item_text(located: Located, path: Path_) -> Path_:
    """Where an item's text stands: its 'noi_dung', or the item itself when it is a string."""
    return path if isinstance(located.data_at(path), str) else (*path, "noi_dung")


# A number, letter or bullet typed at the start; the tool writes its own.
_TYPED_MARK = re.compile(r"^\s*(\(\d+\)|\d+(?:\.\d+)*[.)]|[IVXLC]+\.|[a-zđ]\)|[-+•–—])(?=\s)")
_WHERE = {"muc": "mục", "tieu_de": "tiêu đề", "noi_nhan": "dòng nơi nhận"}


def _typed_marks(program: Program, located: Located) -> list[Diagnostic]:
    texts: list[tuple[Path_, str, str]] = []
    texts += [
        ((*path, "tieu_de"), s.title, "tieu_de") for path, s in sections(program.body) if s.title
    ]
    texts += [(_item_text(located, path), item.text, "muc") for path, item in items(program)]
    texts += [(("noi_nhan", i), line, "noi_nhan") for i, line in enumerate(program.recipients)]
    found = []
    for path, text, where in texts:
        match = _TYPED_MARK.match(text)
        if match:
            mark = match.group(1)
            found.append(
                located.diagnostic(
                    path,
                    "typed-number",
                    f"{_WHERE[where]} bắt đầu bằng '{mark}' tự gõ; chương trình tự đánh số và"
                    " dấu đầu dòng nên sẽ thành hai lần",
                    f"bỏ '{mark}' ở đầu",
                    index=match.start(1),
                    severity="warning",
                )
            )
    return found


def _bare(line: str) -> str:
    """A recipient without its typed bullet and punctuation, for comparing."""
    return _key(re.sub(r"^\s*[-+•]\s*", "", line).rstrip(" ,.;"))


def _key(text: str) -> str:
    """Case, spacing and old-style tone placement (uỷ/ủy, hoà/hòa) folded away."""
    text = unicodedata.normalize("NFD", " ".join(text.split()).casefold())
    # Move a tone from the second vowel of oa, oe, uy to the first one, as "ủy" writes it.
    text = re.sub(r"([ou])([aey])([\u0300\u0301\u0303\u0309\u0323])", r"\1\3\2", text)
    return unicodedata.normalize("NFC", text)


def _recipients(program: Program, profile: Profile, located: Located) -> list[Diagnostic]:
    found = []
    lines = program.recipients
    if not lines:
        return []  # no recipients at all: _closing says what to do
    label, is_archive = profile.labels.archive, phrasebook(profile).archive
    archive = [i for i, line in enumerate(lines) if is_archive.match(_bare(line))]
    if not archive:
        found.append(
            _warning(
                located,
                ("noi_nhan",),
                "archive-missing",
                f"nơi nhận thiếu dòng '{label} …'",
                f"thêm dòng cuối, ví dụ '- {label} Văn phòng' (Đảng)"
                f" hoặc '- {label}: VT, VP.' (Nhà nước)",
            )
        )
    elif archive[-1] != len(lines) - 1:
        found.append(
            _warning(
                located,
                ("noi_nhan", archive[-1]),
                "archive-not-last",
                f"dòng '{lines[archive[-1]]}' phải là dòng cuối của nơi nhận",
                f"chuyển dòng '{label} …' xuống cuối danh sách",
            )
        )
    seen: dict[str, int] = {}
    for index, line in enumerate(lines):
        key = _bare(line)
        if key in seen:
            first = located.value_mark(("noi_nhan", seen[key]))
            found.append(
                _warning(
                    located,
                    ("noi_nhan", index),
                    "duplicate-recipient",
                    f"nơi nhận '{line}' bị lặp lại",
                    f"đã có ở dòng {first.line}; bỏ một dòng",
                )
            )
        else:
            seen[key] = index
    return found


def _agency_spellings(program: Program, located: Located) -> list[Diagnostic]:
    first: dict[str, tuple[str, Path_]] = {}
    found = []
    for path, item in items(program):
        if item.lead is None:
            continue
        key = _key(item.lead)
        spelled, where = first.setdefault(key, (item.lead, (*path, "chu_tri")))
        if spelled != item.lead:
            found.append(
                _warning(
                    located,
                    (*path, "chu_tri"),
                    "agency-spelling",
                    f"cơ quan chủ trì '{item.lead}' viết khác với '{spelled}'"
                    f" ở dòng {located.value_mark(where).line}",
                    "viết thống nhất một cách: các mục cùng cơ quan chỉ được gom khi viết giống hệt",
                )
            )
    return found


def _authority(program: Program, profile: Profile, located: Located) -> list[Diagnostic]:
    allowed = profile.authority_prefixes
    typed_as = phrasebook(profile).authority_typed  # T/M, TM., T.M … of any rule set
    found = []
    signature = program.signature
    for index, line in enumerate(signature.authority if allowed and signature else []):
        match = typed_as.match(line)
        typed = match.group(1).strip() if match else None
        if typed is not None and typed not in allowed:
            found.append(
                _warning(
                    located,
                    ("ky", "tham_quyen", index),
                    "authority-prefix",
                    f"thẩm quyền ký '{typed}' không dùng trong văn bản theo {profile.source}",
                    "dùng một trong: " + ", ".join(allowed),
                )
            )
    return found


def _number(program: Program, profile: Profile, located: Located) -> list[Diagnostic]:
    """A sign typed into the number ('36-CTr/ĐU', in any rule set's form), a kind that does
    not match the kind's name."""
    found = []
    number = program.number or ""
    signs = phrasebook(profile).number_signs
    match = next((m for sign in signs if (m := sign.match(number))), None)
    if match:
        kind = match["loai"]
        # The same sign typed again would print "Số 58-CTr/ĐU-CTr/ĐU": an error, not a page.
        found.append(
            located.diagnostic(
                ("so",),
                "number-kind" if kind != program.kind else "number-sign",
                f"số '{program.number}' ghi loại '{kind}' nhưng loai là '{program.kind}'"
                if kind != program.kind
                else f"số '{program.number}' đã có ký hiệu, chương trình sẽ thêm lần nữa",
                f"chỉ ghi số (so: {match['so']}); ký hiệu"
                f" '{program.kind}/{program.organization.abbreviation}' do chương trình tự thêm",
                severity="warning" if kind != program.kind else "error",
            )
        )
    if program.kind_name:
        named = [
            k for k, name in profile.kinds.items() if program.kind_name.upper().startswith(name)
        ]
        if named and program.kind not in named:
            found.append(
                _warning(
                    located,
                    ("loai",),
                    "number-kind",
                    f"loại '{program.kind}' không khớp tên loại '{program.kind_name}'",
                    f"tên loại này viết tắt là '{named[0]}': loai: {named[0]}",
                )
            )
    return found


def _grounds(program: Program, profile: Profile, located: Located) -> list[Diagnostic]:
    """A căn cứ ending in ':' under a rule set that ends each căn cứ with its own mark (HD 05:
    ';', the last '.'): it holds the opening sentence ('… với những nội dung như sau:')."""
    if profile.punctuation.grounds is None:
        return []
    last = profile.punctuation.grounds_last or profile.punctuation.grounds
    return [
        _warning(
            located,
            ("can_cu", index),
            "grounds-colon",
            f"căn cứ kết thúc bằng ':'; theo {profile.source} mỗi căn cứ kết thúc bằng"
            f" '{profile.punctuation.grounds}', căn cứ cuối bằng '{last}'",
            "câu dẫn vào nội dung ('… như sau:') là đoạn mở đầu: chuyển nó sang mo_dau, để"
            " căn cứ chỉ nêu văn bản làm căn cứ",
        )
        for index, text in enumerate(program.grounds)
        if text.rstrip().endswith(":")
    ]


_SUMMARY_YEAR = re.compile(
    r"(?:\bnăm\s+|\btháng\s+\d{1,2}\s*/\s*|\bquý\s+[IV]+\s*/\s*)((?:19|20)\d\d)\b"
)
# A target year is no period of the document: "… đến năm 2030", "tầm nhìn đến năm 2045".
_TARGET_YEAR = re.compile(r"\b(?:đến|tới|trước|sau)\s+năm\s+(?:19|20)\d\d\b", re.IGNORECASE)


def _summary_year(program: Program, located: Located) -> list[Diagnostic]:
    summary = _TARGET_YEAR.sub("", program.summary)
    years = [int(y) for y in _SUMMARY_YEAR.findall(summary)]
    date = program.date
    year = year_of(date)
    allowed = {year}
    if isinstance(date, int) or date.month >= 10:
        allowed.add(year + 1)  # next year's program is written at the end of this one
    if not years or allowed.intersection(years):
        return []
    return [
        _warning(
            located,
            ("trich_yeu",),
            "summary-year",
            f"trích yếu ghi năm {years[0]} nhưng ngày ban hành là năm {year}",
            "kiểm tra lại năm ở trích yếu hoặc ngày ban hành (ngay)",
        )
    ]


def _long_items(program: Program, profile: Profile, located: Located) -> list[Diagnostic]:
    limit = profile.lint.max_item_chars
    return [
        _warning(
            located,
            _item_text(located, path),
            "long-item",
            f"mục dài {len(item.text)} ký tự (quá {limit}); có thể nhiều mục đã bị dán thành một",
            "tách thành nhiều mục, mỗi mục một dòng '- '",
        )
        for path, item in items(program)
        if len(item.text) > limit
    ]
