"""The lint cache: each story file's findings (and scorecard), kept until the file or the settings change.

A pre-commit hook lints the same unchanged stories on every commit; a cached
file costs a read and a hash, and a run where every file is cached never
imports spaCy, with or without scorecards.

An entry is one small JSON file named by a hash of the story file's bytes, its
file name (which titles a story that has no title of its own) and the settings
fingerprint, a string the linter gives (`Linter.fingerprint()`:
the package version and code, the rule pack, the rules this run applies with
their severities and options, the level, the role, the spaCy pipeline and the
archetype data); the cache never looks inside the linter. Change any of them
and the old entry is simply never looked up again. A scorecard is kept in the
same entry with the scorer's own fingerprint (rubric data, level): a run that
scores with other settings treats the entry as a miss and rewrites it. An
entry is trusted no further than its schema: one that cannot be read, is over
MAX_ENTRY_BYTES, does not parse (however deep its nesting), holds another key or
names a rule this run does not know is a miss, and rewritten; entries are written to a temporary file and renamed into place, so
a crash never leaves a partial entry behind under an entry's name.

Where the cache lives, first match wins: `--cache-dir` (or STARLINT_CACHE_DIR),
`cache_dir` in the config (relative to the config file), `.starlint_cache/`
beside the config file, else the user cache folder ($XDG_CACHE_HOME/starlint,
~/.cache/starlint, ~/Library/Caches/starlint, %LOCALAPPDATA%\\starlint\\Cache).
The folder holds a `.gitignore` of `*`, so git never offers to commit it, and a
CACHEDIR.TAG for backup tools. Those two would hide a user's own folder, so the
cache writes only in a folder it owns: a folder named by `--cache-dir` or
`cache_dir` that already exists and is not a starlint cache (`cache_dir = "."`)
gets a `.starlint_cache` folder inside it.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from star_bank.data.safe_read import UnreadableFile, read_limited
from star_bank.lint.config import Config
from star_bank.model.findings import Finding
from star_bank.model.profile import StoryProfile

if TYPE_CHECKING:
    from star_bank.model.scorecard import Scorecard

# Bump when the entry format or what a cached run needs changes.
CACHE_SCHEMA = 3
CACHE_FOLDER_NAME = ".starlint_cache"
# Entries are a few KB; a story at the size limit with a finding on every line stays far under this.
MAX_ENTRY_BYTES = 16_000_000
_TAG_SIGNATURE = "Signature: 8a477f597d28d172789f06886806bc55"
_TAG_OWNER = "# This file is a cache directory tag created by starlint."


class Fingerprinted(Protocol):
    """Anything that can say, in one string, what decides its answers (a Linter)."""

    def fingerprint(self) -> str: ...


@dataclass
class CachedFile:
    """What the cache keeps for one story file: its findings, its scorecard if
    scored, and its profile when bank rules run (star_bank/lint/bank_pass.py)."""

    findings: list[Finding]
    scorecard: Scorecard | None = None
    profile: StoryProfile | None = None


def user_cache_dir() -> Path:
    """The per-user cache folder for starlint on this platform."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "starlint" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "starlint"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "starlint"


def resolve_cache_dir(config: Config, override: str | os.PathLike[str] | None = None) -> Path:
    """Where this run's cache lives (see the module docstring for the order).

    Without a config file and without an override this is the user cache folder:
    starlint never writes into a folder of stories unless told to.
    """
    if override:
        return owned_folder(Path(override).expanduser())
    if config.cache_dir:
        folder = Path(config.cache_dir).expanduser()
        base = config.path.parent if config.path else Path.cwd()
        return owned_folder(folder if folder.is_absolute() else base / folder)
    if config.path is not None:
        return config.path.parent / CACHE_FOLDER_NAME
    return user_cache_dir()


def owned_folder(folder: Path) -> Path:
    """`folder` when the cache may write in it (it does not exist yet, or it is a
    starlint cache), else its `.starlint_cache` subfolder."""
    if folder.name == CACHE_FOLDER_NAME or (not folder.exists() and not folder.is_symlink()):
        return folder
    return folder if is_starlint_cache(folder) else folder / CACHE_FOLDER_NAME


def is_starlint_cache(folder: Path) -> bool:
    """Whether `folder` holds the tag file a starlint cache writes."""
    try:
        with open(folder / "CACHEDIR.TAG", encoding="utf-8", errors="replace") as handle:
            return _TAG_OWNER in handle.read(512)
    except OSError:
        return False


class LintCache:
    """Findings per story file, keyed by the file's bytes and the run's settings."""

    def __init__(self, directory: Path, settings: str, rules: dict[str, str] | None = None) -> None:
        # Checked here too, so a library caller cannot make it tag a user's folder either.
        self.root = owned_folder(directory)
        self.directory = self.root / f"lint-v{CACHE_SCHEMA}"
        self.settings = settings
        # code -> slug of every rule the run knows; a cached finding of another rule is forged.
        self.rules = rules
        self._prepared = False

    @classmethod
    def for_linter(cls, linter: Fingerprinted, directory: Path) -> "LintCache":
        """A cache for the findings of `linter`: its fingerprint decides the keys."""
        rules = getattr(linter, "rules", None)
        known = {rule.code: rule.slug for rule in rules} if rules is not None else None
        return cls(directory, linter.fingerprint(), known)

    def key(self, data: bytes, path: str) -> str:
        """The entry key of the story file at `path` whose bytes are `data`.

        The file's name is part of it: a story with no title of its own is titled by its
        file name, and the title counts in its archetype and scorecard. A story moved to
        another folder keeps its entries; a renamed one is read again."""
        digest = hashlib.sha256(f"{CACHE_SCHEMA}\0{self.settings}\0{Path(path).stem}".encode())
        digest.update(b"\0")
        digest.update(data)
        return digest.hexdigest()

    def _entry(self, key: str) -> Path:
        return self.directory / f"{key}.json"

    def get(self, key: str, path: str) -> list[Finding] | None:
        """The cached findings for `key`, placed at `path`; None when absent or unusable."""
        cached = self.lookup(key, path)
        return cached.findings if cached is not None else None

    def lookup(self, key: str, path: str, scoring: str | None = None) -> CachedFile | None:
        """The cached findings for `key`, placed at `path`, with the scorecard when
        `scoring` (the scorer's fingerprint) is given; None when absent, unusable,
        or holding no scorecard made with those scoring settings."""
        try:
            entry = json.loads(read_limited(self._entry(key), MAX_ENTRY_BYTES))
            if entry["key"] != key:
                return None
            # The folder is not part of the key: a moved or copied story is still cached.
            findings = [Finding.model_validate({**raw, "path": path}) for raw in entry["findings"]]
            if self.rules is not None and any(self.rules.get(f.code) != f.rule for f in findings):
                return None
            card = None
            if scoring is not None:
                if entry.get("scorecard", {}).get("scoring") != scoring:
                    return None
                # Imported here: a run without scorecards never builds the scorecard models.
                from star_bank.model.scorecard import Scorecard

                card = Scorecard.model_validate({**entry["scorecard"]["card"], "path": path})
            profile = None
            if entry.get("profile") is not None:
                profile = StoryProfile.model_validate({**entry["profile"], "path": path})
            return CachedFile(findings, card, profile)
        except (UnreadableFile, OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
            # Missing, unreadable, truncated, nested too deep or foreign: a miss; the run rewrites it.
            return None

    def put(
        self,
        key: str,
        findings: list[Finding],
        scorecard: Scorecard | None = None,
        scoring: str | None = None,
        profile: StoryProfile | None = None,
    ) -> None:
        """Store `findings` (and the `scorecard` made with `scoring`) under `key`.

        Never fails: a cache that cannot be written is skipped.
        """
        entry: dict[str, Any] = {
            "key": key,
            "findings": [f.model_dump(mode="json", exclude={"path"}) for f in findings],
        }
        if profile is not None:
            entry["profile"] = profile.model_dump(mode="json", exclude={"path"})
        if scorecard is not None and scoring is not None:
            entry["scorecard"] = {"scoring": scoring, "card": scorecard.model_dump(mode="json", exclude={"path"})}
        self._write(key, entry)

    def _write(self, key: str, entry: dict[str, Any]) -> None:
        """Write to a temporary file, then rename: a crash never leaves half an entry."""
        tmp = None
        try:
            self._prepare()
            fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=".tmp-", suffix=".part")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(entry, handle, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, self._entry(key))
            tmp = None
        except OSError:
            pass
        finally:
            if tmp is not None:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass

    def _prepare(self) -> None:
        """Create the folder, marked so git and backup tools leave it alone."""
        if self._prepared:
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        _write_if_missing(self.root / ".gitignore", "# Created by starlint: the lint cache.\n*\n")
        _write_if_missing(
            self.root / "CACHEDIR.TAG",
            f"{_TAG_SIGNATURE}\n"
            f"{_TAG_OWNER}\n"
            "# For information about cache directory tags see https://bford.info/cachedir/\n",
        )
        self._prepared = True


def _write_if_missing(path: Path, text: str) -> None:
    """Create a file once; another run creating it at the same moment is fine."""
    if not path.exists():
        try:
            with open(path, "x", encoding="utf-8") as handle:
                handle.write(text)
        except FileExistsError:
            pass
