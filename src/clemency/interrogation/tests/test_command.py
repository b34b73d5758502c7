"""`clemency transcript analyze`: the thin command over the library."""

from __future__ import annotations

import json

import pytest
from django.core.management import CommandError, call_command

from .short import FACTS, HEAD


@pytest.fixture
def files(tmp_path):
    transcript = tmp_path / "interview.txt"
    transcript.write_text(HEAD, encoding="utf-8")
    facts = tmp_path / "facts.yaml"
    facts.write_text(FACTS, encoding="utf-8")
    return transcript, facts


@pytest.mark.parametrize("fmt", ["json", "html", "pdf"])
def test_it_writes_each_format(files, tmp_path, fmt, capsys):
    transcript, facts = files
    out = tmp_path / f"report.{fmt}"
    call_command(
        "transcript", "analyze", str(transcript), "--facts", str(facts), "--format", fmt, "--out", str(out)
    )
    data = out.read_bytes()
    if fmt == "json":
        head = next(f for f in json.loads(data)["facts"] if f["id"] == "shot_in_head")
        assert head["flag"] == "INTERROGATOR_FIRST" and head["first_mention"]["line"] == 14
    elif fmt == "html":
        assert b"<svg" in data and b"Who shot her in the head?" in data
    else:
        assert data.startswith(b"%PDF")
    assert "first said by an interrogator" in capsys.readouterr().out


def test_it_names_the_bad_field_and_writes_nothing(files, tmp_path):
    transcript, facts = files
    facts.write_text("- id: a\n  statement: x\n  public: maybe\n  cues: [x]\n", encoding="utf-8")
    out = tmp_path / "report.json"
    with pytest.raises(CommandError, match=r"facts\[a\].public"):
        call_command("transcript", "analyze", str(transcript), "--facts", str(facts), "--out", str(out))
    assert not out.exists()
    with pytest.raises(CommandError, match="no such file"):
        call_command(
            "transcript", "analyze", str(tmp_path / "missing.txt"), "--facts", str(facts), "--out", str(out)
        )
