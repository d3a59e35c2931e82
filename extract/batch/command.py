"""`tongbao batch`: the click layer over run_batch."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ..errors import CannotRead, NotFound, from_os_error
from ..limits import current_limits
from ..verbosity import add_verbosity_options
from .errors import BatchAborted
from .task import DEFAULT_EXTRACTOR, REDACTING_EXTRACTOR


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", "outdir", required=True, type=click.Path(),
              help="Directory for documents.jsonl, the Parquet tables, errors.jsonl and manifest.json.")
@click.option("--include", multiple=True, metavar="GLOB",
              help="Read only files whose name or path under INPUT matches (repeatable; '*.pdf', 'notices/2021/*').")
@click.option("--exclude", multiple=True, metavar="GLOB",
              help="Leave out files whose name or path, or a folder on it, matches (repeatable; 'drafts', '*.html').")
@click.option("--workers", type=click.IntRange(min=1), help="Worker processes (default: all cores).")
@click.option("--resume", is_flag=True, help="Add to OUTDIR, skipping documents and failures already there.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option("--scheduler", metavar="ADDRESS", help="A running Dask scheduler (default: a local Dask cluster).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=lambda: current_limits().max_seconds,
              show_default="120, or TONGBAO_MAX_SECONDS",
              help="Seconds one file may take.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=lambda: current_limits().max_bytes,
              show_default="64 MiB, or TONGBAO_MAX_BYTES",
              help="Largest file or archive member read.")
@click.option("--strict", is_flag=True, help="Exit 1 if any file failed.")
@click.option("--redact", is_flag=True, help="Replace personal names and phone numbers in every output.")
@click.option("--extractor", default=DEFAULT_EXTRACTOR, hidden=True, help="MODULE:FUNCTION to extract one file.")
def batch(inputs, outdir, include, exclude, workers, resume, engine, scheduler, timeout, max_bytes, strict, redact,
          extractor, quiet, verbose) -> None:
    """Convert files, directories and .zip archives (INPUTS) into a dataset in OUTDIR.

    Files no notice comes in (.png, .json, .csv …) are counted as skipped, not failed."""
    from .run import run_batch

    if redact:
        extractor = REDACTING_EXTRACTOR
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    if outdir == "-":
        raise click.UsageError("a batch writes a folder of files, not standard output: give -o a folder "
                               "(for JSON Lines on stdout, use `tongbao extract FILES`)")
    for given in inputs:
        if not os.path.lexists(given):
            raise NotFound(given, "no such file or folder")
    _make_folder(outdir)
    try:
        summary = run_batch(inputs, outdir, workers=workers, resume=resume, engine=engine, scheduler=scheduler,
                            timeout=timeout, max_bytes=max_bytes, quiet=quiet, strict=strict,
                            extractor=extractor, include=include, exclude=exclude, verbose=verbose > 0)
    except FileExistsError as error:
        raise click.UsageError(str(error)) from None
    except BatchAborted as error:
        raise click.ClickException(str(error)) from None
    if not quiet:
        click.echo(summary.line(), err=True)
    sys.exit(summary.exit_code(strict))


add_verbosity_options(batch, expose=True)


def _make_folder(outdir: str) -> None:
    """OUTDIR, created if need be; a file in its place or a folder the OS refuses is a typed error."""
    path = Path(outdir)
    if path.exists() and not path.is_dir():
        raise CannotRead(outdir, "cannot write: not a folder")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        typed = from_os_error(outdir, error)
        raise type(typed)(outdir, f"cannot write: {typed.reason}") from None
