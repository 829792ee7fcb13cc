"""The read stage: decoding, repairs on the sample articles, and every kind of bad input."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from seed.read import DEFAULT_MAX_BYTES, MAX_BYTES_ENV, ReadError, read_article, read_bytes
from seed.records import RawArticle

SAMPLES = Path(__file__).resolve().parents[2] / "seed" / "samples"


def sample(name: str) -> RawArticle:
    return read_article(next(SAMPLES.glob(f"{name}_*.txt")))


def assert_repairs_map_back(raw: RawArticle, decoded: str) -> None:
    """Each repair's ``after`` stands at start:end of the stored text, its ``before`` at
    raw_offset of the decoded input, and the input is the text with every repair undone."""
    rebuilt, at = [], 0
    for r in raw.repairs:
        assert raw.text[r.start : r.end] == r.after
        assert r.raw_offset is not None
        assert decoded[r.raw_offset : r.raw_offset + len(r.before)] == r.before
        rebuilt += [raw.text[at : r.start], r.before]
        at = r.end
    rebuilt.append(raw.text[at:])
    assert "".join(rebuilt) == decoded


def test_sample_with_gbk_and_arabic_damage() -> None:
    path = next(SAMPLES.glob("001_*.txt"))
    raw = read_article(path)
    decoded = path.read_text(encoding="utf-8")
    assert raw.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert raw.encoding == "utf-8"
    assert raw.file_name == path.name and raw.path == str(path)
    assert "Ìý" not in raw.text
    assert "الحدودي" in raw.text and "تحت ذريعة" in raw.text and "Ø" not in raw.text
    assert raw.text.count("°®Âþµº") == 2  # kept as received, not invented
    reasons = [r.reason for r in raw.repairs]
    assert sum("GBK-misdecoded non-breaking space" in r for r in reasons) == 6
    assert reasons.count("unrecoverable GBK-misdecoded outlet name") == 2
    assert sum("soft hyphen" in r for r in reasons) == 2
    assert_repairs_map_back(raw, decoded)


def test_clean_samples_are_stored_as_received() -> None:
    for name in ("000", "003"):
        path = next(SAMPLES.glob(f"{name}_*.txt"))
        raw = read_article(path)
        assert raw.repairs == ()
        assert raw.text == path.read_text(encoding="utf-8")


def test_sample_whitespace_repairs() -> None:
    raw = sample("004")
    assert raw.text.startswith("News / Iraq\n\nNo need")  # paragraph breaks kept
    assert {r.reason for r in raw.repairs} == {
        "non-breaking or special space normalised to a plain space"
    }
    raw = sample("002")
    assert raw.text.startswith("US troops in Iraq.")
    assert [(r.before, r.after, r.raw_offset) for r in raw.repairs] == [("\n", "", 0)]


def test_read_bytes_matches_read_article(tmp_path: Path) -> None:
    path = next(SAMPLES.glob("001_*.txt"))
    assert read_bytes(path.read_bytes(), path.name, str(path)) == read_article(path)


def test_utf8_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfIraq says no.\n")
    raw = read_article(path)
    assert raw.text == "Iraq says no.\n" and raw.encoding == "utf-8"
    assert raw.repairs == ()


# -- bad input ------------------------------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(ReadError) as err:
        read_article(path)
    assert err.value.path == path
    assert "empty" in err.value.message and "remove it" in err.value.message
    assert str(path) in str(err.value)


def test_whitespace_only_file(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(b" \n\t\r\n  \n")
    with pytest.raises(ReadError, match="only whitespace"):
        read_article(path)


def test_binary_file_with_nul_bytes(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(ReadError) as err:
        read_article(path)
    assert err.value.offset == 8
    assert "binary" in err.value.message and "NUL" in err.value.message
    assert f"{path} at byte 8" in str(err.value)


def test_binary_file_of_control_bytes(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    path.write_bytes(b"header" + bytes([1, 2, 3, 4, 5, 6, 0x1B, 0x7F]) * 50)
    with pytest.raises(ReadError, match="control bytes") as err:
        read_article(path)
    assert err.value.offset == 6


def test_a_few_control_characters_are_removed_and_logged(tmp_path: Path) -> None:
    path = tmp_path / "ctl.txt"
    path.write_bytes(b"The minister\x07 said so.\n")
    raw = read_article(path)
    assert raw.text == "The minister said so.\n"
    (repair,) = raw.repairs
    assert repair.before == "\x07" and repair.after == "" and "ftfy" in repair.reason


def test_windows_1252_text_is_detected_and_recorded(tmp_path: Path) -> None:
    text = (
        "Le ministre a déclaré à la presse que l'armée française resterait en Irak. "
        "« Nous sommes prêts », a-t-il ajouté, évoquant une coopération étroite.\n"
    )
    path = tmp_path / "fr.txt"
    path.write_bytes(text.encode("cp1252"))
    raw = read_article(path)
    assert raw.text == text
    assert raw.encoding in ("cp1252", "iso8859-1", "cp1250", "iso8859-15")
    decode = raw.repairs[0]
    assert "not UTF-8" in decode.reason and "charset-normalizer" in decode.reason
    assert f"at byte {text.encode('cp1252').index('é'.encode('cp1252'))}" in decode.reason
    assert decode.before == "\\xE9" and decode.after == "é"
    assert raw.text[decode.start : decode.end] == "é"


def test_gbk_chinese_text_is_detected(tmp_path: Path) -> None:
    text = (
        "伊拉克总理表示，伊拉克不再需要外国作战部队驻扎在其领土上。他在巴格达对记者说了这番话。\n"
    )
    path = tmp_path / "zh.txt"
    path.write_bytes(text.encode("gbk"))
    raw = read_article(path)
    assert raw.text == text
    assert raw.encoding in ("gb18030", "gbk", "gb2312")
    assert "charset-normalizer" in raw.repairs[0].reason


def test_utf16_with_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes("Iraq says no.\r\nBaghdad".encode("utf-16"))
    raw = read_article(path)
    assert raw.text == "Iraq says no.\nBaghdad"
    assert raw.encoding == "utf-16"
    assert raw.repairs[0].reason == "decoded as UTF-16 (byte-order mark)"


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"Iraq says no. " * 100)
    with pytest.raises(ReadError) as err:
        read_article(path, max_bytes=1000)
    message = err.value.message
    assert "1,400 bytes" in message and "1,000-byte limit" in message
    assert MAX_BYTES_ENV in message and "split it" in message
    assert read_article(path, max_bytes=2000).text.startswith("Iraq says no.")


def test_fifty_megabyte_file_is_rejected_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: costs no disk
    assert DEFAULT_MAX_BYTES < 50 * 1024 * 1024
    with pytest.raises(ReadError, match=f"52,428,800 bytes, over the {DEFAULT_MAX_BYTES:,}"):
        read_article(path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Iraq says no.")
    path.chmod(0)
    try:
        with pytest.raises(ReadError, match="permission denied") as err:
            read_article(path)
        assert str(path) in str(err.value)
    finally:
        path.chmod(0o644)


def test_permission_error_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Iraq says no.")

    def denied(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)
    with pytest.raises(ReadError) as err:
        read_article(path)
    assert err.value.path == path
    assert str(err.value).startswith(f"{path}: permission denied")
    assert "chmod a+r" in err.value.message


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="check that it exists"):
        read_article(tmp_path / "gone.txt")
    with pytest.raises(ReadError, match="is a directory"):
        read_article(tmp_path)


def test_read_bytes_errors_name_the_file() -> None:
    with pytest.raises(ReadError) as err:
        read_bytes(b"", "a.txt", "/data/a.txt")
    assert str(err.value).startswith("/data/a.txt: file is empty")
    with pytest.raises(ReadError) as err:
        read_bytes(b"abc\x00def", "b.txt")
    assert str(err.value).startswith("b.txt at byte 3: binary file")
