"""`tongbao batch`: the click layer over run_batch."""
from __future__ import annotations

import sys

import click

from ..limits import current_limits
from .errors import BatchAborted
from .task import DEFAULT_EXTRACTOR, REDACTING_EXTRACTOR


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False),
              help="Directory for documents.jsonl, the Parquet tables, errors.jsonl and manifest.json.")
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
@click.option("--quiet", is_flag=True, help="No progress and no summary.")
@click.option("--strict", is_flag=True, help="Exit 1 if any file failed.")
@click.option("--redact", is_flag=True, help="Replace personal names and phone numbers in every output.")
@click.option("--extractor", default=DEFAULT_EXTRACTOR, hidden=True, help="MODULE:FUNCTION to extract one file.")
def batch(inputs, outdir, workers, resume, engine, scheduler, timeout, max_bytes, quiet, strict, redact,
          extractor) -> None:
    """Convert files, directories and .zip archives (INPUTS) into a dataset in OUTDIR."""
    from .run import run_batch

    if redact:
        extractor = REDACTING_EXTRACTOR

    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    try:
        summary = run_batch(inputs, outdir, workers=workers, resume=resume, engine=engine, scheduler=scheduler,
                            timeout=timeout, max_bytes=max_bytes, quiet=quiet, strict=strict,
                            extractor=extractor)
    except FileExistsError as error:
        raise click.UsageError(str(error)) from None
    except BatchAborted as error:
        raise click.ClickException(str(error)) from None
    if not quiet:
        click.echo(summary.line(), err=True)
    sys.exit(summary.exit_code(strict))
