"""Paths given by the user to the files a run reads: directories walked safely, links and loops handled."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from skillprofiles.codes import reader as parse_codes
from skillprofiles.codes.registry import Rule
from skillprofiles.diagnostics import Diagnostic

PROFILE_SUFFIXES = (".yaml", ".yml")


def discover(
    paths: Iterable[str | Path], follow_links: bool = False
) -> tuple[list[tuple[Path, str]], list[Diagnostic]]:
    """Files to check (path, display name) in a stable order, and diagnostics for paths that are not there.

    Directories are walked for *.yaml and *.yml, skipping hidden names. A symbolic link met on the way is
    followed only when it stays inside the directory given (or when ``follow_links``); link loops are
    cut. Files named directly are read even when they are links: the user asked for them.
    """
    found: dict[str, Path] = {}
    problems: list[Diagnostic] = []
    for raw in paths:
        path = Path(raw)
        problem = _unusable(path)
        if problem is not None:
            problems.append(_problem(parse_codes.UNREADABLE, problem, str(raw)))
        elif os.path.isdir(path):
            found.update((display_name(p), p) for p in _walk(path, follow_links, problems))
        else:  # files, links and the rest: the reader says what they are
            found[display_name(path)] = path
    return _unique(found), sorted(problems, key=Diagnostic.sort_key)


def _unusable(path: Path) -> str | None:
    """Why a path given by the user cannot be checked at all, or None."""
    try:
        os.lstat(path)
    except FileNotFoundError:
        return "path does not exist"
    except OSError as exc:
        return f"cannot use this path: {exc.strerror or exc}"
    except ValueError:
        return "cannot use this path: it contains a NUL character"
    return None


def _unique(found: dict[str, Path]) -> list[tuple[Path, str]]:
    # a file reached twice (named twice, or through an inner link) is checked once, under its first name
    seen: set[str] = set()
    files = []
    directories: dict[Path, str] = {}  # realpath resolves every component: once per directory is enough
    for name in sorted(found):
        real = _real(found[name], directories)
        if real not in seen:
            seen.add(real)
            files.append((found[name], name))
    return files


def _real(path: Path, directories: dict[Path, str]) -> str:
    """``os.path.realpath(path)``: a name that is not a link resolves to its resolved directory plus
    itself, so only the directory is resolved, once, and the name only checked for being a link."""
    if path.name in ("", ".", "..") or _is_link(path):
        return os.path.realpath(path)
    parent = path.parent
    if parent not in directories:
        directories[parent] = os.path.realpath(parent)
    return os.path.join(directories[parent], path.name)


def _is_link(path: Path) -> bool:
    try:
        return os.path.islink(path)
    except ValueError:  # a NUL byte: realpath gives its answer (or its error) as before
        return True


def _problem(entry: Rule, message: str, file: str) -> Diagnostic:
    return entry.diagnostic(message, file)


def _walk(root: Path, follow_links: bool, problems: list[Diagnostic]) -> Iterator[Path]:
    """Profile files under ``root``, depth first in name order, without recursion."""
    top = os.path.realpath(root)
    visited = {top}
    pending = [root]
    while pending:
        directory = pending.pop()
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name, reverse=True)
        except OSError as exc:
            message = f"cannot read directory: {exc.strerror or exc}"
            problems.append(_problem(parse_codes.UNREADABLE, message, display_name(directory)))
            continue
        files = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(directory, entry.name)
            link = entry.is_symlink()
            if link and not _may_follow(path, top, follow_links, problems):
                continue
            # a link let through is followed (os.path.isdir: False for loops and broken links); for the
            # rest the directory entry knows its type without another system call
            if os.path.isdir(path) if link else _is_dir(entry):
                if _first_visit(path, visited, problems):
                    pending.append(path)
            elif entry.name.endswith(PROFILE_SUFFIXES):
                files.append(path)
        yield from reversed(files)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:  # as os.path.isdir: what cannot be examined is not walked
        return False


def _may_follow(link: Path, top: str, follow_links: bool, problems: list[Diagnostic]) -> bool:
    target = os.path.realpath(link)
    if follow_links or target == top or target.startswith(top.rstrip(os.sep) + os.sep):
        return True
    message = f"symbolic link leads out of the checked directory (to {target}); not followed"
    problems.append(_problem(parse_codes.LINK_OUTSIDE, message, display_name(link)))
    return False


def _first_visit(directory: Path, visited: set[str], problems: list[Diagnostic]) -> bool:
    real = os.path.realpath(directory)
    if real in visited:
        parent = os.path.realpath(directory.parent)
        if parent == real or parent.startswith(real.rstrip(os.sep) + os.sep):
            message = f"symbolic link loops back to {real}, which encloses it; not followed"
            problems.append(_problem(parse_codes.LINK_LOOP, message, display_name(directory)))
        return False
    visited.add(real)
    return True


def display_name(path: Path) -> str:
    """How a path is shown in findings: as given, with forward slashes."""
    return path.as_posix()
