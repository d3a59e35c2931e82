"""The `tongbao` command: a thin layer over the library; every failure a user can cause is one line and an exit code."""
from __future__ import annotations

import errno
import glob
import json
import os
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from . import verbosity
from .errors import CannotRead, NotFound, TongbaoError, from_os_error

STDIN = "-"
CONTEXT = {"help_option_names": ["-h", "--help"]}
EXTRAS = {"fastapi": "serve", "uvicorn": "serve", "multipart": "serve", "python_multipart": "serve",
          "starlette": "serve", "dask": "dask", "distributed": "dask"}
BROKEN_PIPE = 141  # what a shell reports for a process that SIGPIPE ended


def fail(message: object, exit_code: int):
    click.echo(f"tongbao: error: {message}", err=True)
    sys.exit(exit_code)


class TongbaoGroup(click.Group):
    """Runs a subcommand; what goes wrong becomes one line on stderr and an exit code, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            _check_limits()
            return super().invoke(ctx)
        except TongbaoError as error:
            fail(error, error.exit_code)
        except BrokenPipeError:  # `tongbao extract *.pdf | head`: the reader left, which is no error of ours
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(BROKEN_PIPE)
        except OSError as error:  # a file or folder the OS refused that no command turned into a typed error
            typed = from_os_error(error.filename or "?", error)
            fail(typed, typed.exit_code)
        except sqlite3.Error as error:  # the search index: a --db in a missing folder, or not a database
            fail(CannotRead(None, f"the index database: {error}"), CannotRead.exit_code)
        except KeyboardInterrupt:
            fail("interrupted", 130)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as error:  # a bug of ours: still one line, the traceback on request
            if (extra := _missing_extra(error)) is not None:
                fail(f"this needs the [{extra}] extra, which is not installed: pip install 'tongbao[{extra}]'", 1)
            if verbosity.level() >= 2:
                raise
            fail(f"{type(error).__name__}: {error} [E111 unexpected-error] (-vv shows the traceback)", 1)


def _missing_extra(error: Exception) -> str | None:
    if isinstance(error, ModuleNotFoundError):
        return EXTRAS.get((error.name or "").partition(".")[0])
    return None


def _check_limits() -> None:
    """A misspelt TONGBAO_* limit is the user's to fix before anything runs."""
    from .limits import current_limits

    try:
        current_limits()
    except ValueError as error:
        fail(error, 2)


@click.group(cls=TongbaoGroup, context_settings=CONTEXT)
@click.version_option(package_name="tongbao")
def main() -> None:
    """Turn Chinese government notices (通报) into structured, searchable data."""


# ---------------------------------------------------------------- inputs and outputs

def expand(arguments: tuple[str, ...]) -> list[str]:
    """FILE arguments as paths: `-` is standard input, and a pattern the shell left alone (`'*.pdf'`,
    `'notices/**/*.docx'`) is expanded here; a pattern that matches no file is an error."""
    paths: list[str] = []
    for given in arguments:
        if given == STDIN or os.path.lexists(given) or not glob.has_magic(given):
            paths.append(given)
            continue
        matches = sorted(m for m in glob.glob(given, recursive=True) if not os.path.isdir(m))
        if not matches:
            raise NotFound(given, "no file matches this pattern")
        paths += matches
    if paths.count(STDIN) > 1:
        raise click.UsageError("standard input (-) can be read only once")
    return paths


def _stdin_source() -> tuple[str, bytes]:
    """Standard input's bytes, named for what they hold (`<stdin>.pdf`): the name picks the reader when
    the bytes do not say."""
    from .limits import current_limits
    from .readers import sniff

    data = sys.stdin.buffer.read(current_limits().max_bytes + 1)  # the reader refuses more, with E108
    kind = sniff(data) or ""
    suffix = {"pdf": ".pdf", "docx": ".docx", "zip": ".docx", "badzip": ".docx", "html": ".html", "ole": ".doc",
              "rtf": ".rtf"}.get(kind, "" if kind.startswith("other:") else ".txt")
    return f"<stdin>{suffix}", data


def sources(paths: list[str]) -> Iterator[tuple[str, bytes | None]]:
    """(name, bytes) per input; bytes are None for a file on disk, which the pipeline reads itself."""
    for path in paths:
        yield _stdin_source() if path == STDIN else (path, None)


def _unwritable(target: str, error: OSError) -> TongbaoError:
    if isinstance(error, FileNotFoundError):
        return NotFound(target, "cannot write: its folder does not exist")
    typed = from_os_error(target, error)
    return type(typed)(target, f"cannot write: {typed.reason}")


class Output:
    """Where documents go: stdout, or a file written beside its target and renamed over it once complete.

    The file is opened before any input is read, so `-o /no/dir/x.json` fails at once."""

    def __init__(self, target: str | None):
        self.target = None if target in (None, STDIN) else target
        self.handle, self.tmp, self.written = None, None, 0

    def __enter__(self) -> Output:
        if self.target is not None:
            target = Path(self.target)
            self.tmp = target.with_name(f".{target.name}.tmp")
            try:
                if target.is_dir():
                    raise IsADirectoryError(errno.EISDIR, "is a directory", self.target)
                self.handle = open(self.tmp, "w", encoding="utf-8")
            except OSError as error:
                raise _unwritable(self.target, error) from None
        return self

    def write(self, text: str) -> None:
        self.written += 1
        if self.handle is None:
            click.echo(text)
            return
        try:
            self.handle.write(text + "\n")
        except OSError as error:  # a full disk
            raise _unwritable(self.target, error) from None

    def __exit__(self, kind, value, traceback) -> None:
        if self.handle is None:
            return
        self.handle.close()
        if kind is None and self.written:
            os.replace(self.tmp, self.target)
        else:
            self.tmp.unlink(missing_ok=True)


class Failures:
    """A file that fails among several is one line on stderr and the others go on; the first failure
    decides the exit status. A single file's failure is the command's."""

    def __init__(self, paths: list[str]) -> None:
        self.several = len(paths) > 1
        self.first: TongbaoError | None = None

    def add(self, error: TongbaoError) -> None:
        if not self.several:
            raise error
        click.echo(f"tongbao: error: {error}", err=True)
        self.first = self.first or error

    def finish(self) -> None:
        if self.first is not None:
            sys.exit(self.first.exit_code)


def _say(path: str, what: str) -> None:
    if verbosity.level() >= verbosity.VERBOSE:
        click.echo(f"tongbao: {path}: {what}", err=True)


def _compact(payload: dict) -> str:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def _pretty(payload: dict) -> str:
    return json.dumps(payload, ensure_ascii=False, indent=2)


# ---------------------------------------------------------------- commands

FILES = click.argument("files", nargs=-1, required=True, metavar="FILE...")


@main.command(context_settings=CONTEXT)
@FILES
@click.option("--json", "as_json", is_flag=True, help="Print text, script, encoding, repairs and warnings as JSON.")
def text(files: tuple[str, ...], as_json: bool) -> None:
    """Print the normalised (repaired, simplified) text of each FILE (`-` reads standard input).

    With several files, one JSON line per file (as --json gives, on one line)."""
    from .pipeline import read_and_normalise

    paths = expand(files)
    failures = Failures(paths)
    for name, data in sources(paths):
        try:
            result, norm, _ = read_and_normalise(name, data)
        except TongbaoError as error:
            failures.add(error)
            continue
        warnings = result.warnings + norm.warnings
        for warning in warnings:
            _say(name, f"warning: {warning}")
        payload = {"path": name, "format": result.format, "encoding": result.encoding, "script": norm.script,
                   "text": norm.text, "repairs": norm.repairs, "warnings": warnings}
        click.echo(_compact(payload) if len(paths) > 1 else _pretty(payload) if as_json else norm.text)
    failures.finish()


@main.command(context_settings=CONTEXT)
@FILES
@click.option("-o", "--output", metavar="PATH",
              help="Write the JSON here instead of stdout (JSON Lines when there are several files).")
@click.option("--no-text", is_flag=True, help="Leave the normalised text out of the JSON.")
@click.option("--redact", is_flag=True, help="Replace personal names and phone numbers.")
def extract(files: tuple[str, ...], output: str | None, no_text: bool, redact: bool) -> None:
    """Parse each FILE into the document JSON of schemas/notice.schema.json.

    FILE may be `-` (standard input) or a pattern (`'notices/*.pdf'`). One file gives one JSON document;
    several give JSON Lines, one document per line, so `tongbao extract *.pdf > docs.jsonl` works."""
    from .pipeline import extract_file

    paths = expand(files)
    failures = Failures(paths)
    with Output(output) as out:
        for name, data in sources(paths):
            try:
                document = extract_file(name, data, include_text=not no_text)
            except TongbaoError as error:
                failures.add(error)
                continue
            if redact:
                from .redact import redact_document

                document = redact_document(document)
            _say(name, ", ".join(f"{len(document[key])} {key}" for key in ("units", "problems", "counts", "deadlines")))
            for warning in document["warnings"]:
                _say(name, f"warning: {warning}")
            out.write(_compact(document) if len(paths) > 1 else _pretty(document))
    failures.finish()


@main.command(context_settings=CONTEXT)
@click.option("--json", "as_json", is_flag=True, help="Print the same as one JSON object.")
def info(as_json: bool) -> None:
    """Versions, the cache directory, whether LibreOffice and Chromium are found, and the limits in force."""
    from .about import about, render

    facts = about()
    click.echo(_pretty(facts) if as_json else render(facts))


def _register_stage_commands() -> None:
    """The batch and search stages define their own commands beside their code; every command gets
    -h, --quiet and --verbose."""
    from .batch.command import batch
    from .search.command import index, search, serve

    for command in (batch, index, search, serve):
        main.add_command(command)
    for command in main.commands.values():
        command.context_settings = {**CONTEXT, **command.context_settings}
        verbosity.add_verbosity_options(command)


_register_stage_commands()


if __name__ == "__main__":
    main()
