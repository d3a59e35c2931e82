"""The `tongbao` command: a thin layer over the library; typed errors become exit codes here."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .errors import TongbaoError


def emit_json(payload, output: str | None = None) -> None:
    """Write JSON to a file (atomically) or to stdout."""
    text = json.dumps(payload, ensure_ascii=False, indent=2)
    if output:
        target = Path(output)
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_text(text + "\n", encoding="utf-8")
        tmp.replace(target)
    else:
        click.echo(text)


class TongbaoGroup(click.Group):
    """Runs a subcommand and turns a TongbaoError into one line on stderr and its exit code."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except TongbaoError as error:
            click.echo(f"tongbao: error: {error}", err=True)
            sys.exit(error.exit_code)


@click.group(cls=TongbaoGroup)
@click.version_option(package_name="tongbao")
def main() -> None:
    """Turn Chinese government notices (通报) into structured, searchable data."""


@main.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print text, script, encoding, repairs and warnings as JSON.")
def text(file: str, as_json: bool) -> None:
    """Print the normalised (repaired, simplified) text of FILE."""
    from .pipeline import read_and_normalise

    result, norm, _ = read_and_normalise(file)
    if as_json:
        emit_json({"path": file, "format": result.format, "encoding": result.encoding, "script": norm.script,
                   "text": norm.text, "repairs": norm.repairs, "warnings": result.warnings + norm.warnings})
    else:
        click.echo(norm.text)


@main.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the JSON here instead of stdout.")
@click.option("--no-text", is_flag=True, help="Leave the normalised text out of the JSON.")
@click.option("--redact", is_flag=True, help="Replace personal names and phone numbers.")
def extract(file: str, output: str | None, no_text: bool, redact: bool) -> None:
    """Parse FILE into the document JSON described by schemas/notice.schema.json."""
    from .pipeline import extract_file

    document = extract_file(file, include_text=not no_text)
    if redact:
        from .redact import redact_document

        document = redact_document(document)
    emit_json(document, output)


def _register_stage_commands() -> None:
    """The batch and search stages define their own commands beside their code."""
    from .batch.command import batch
    from .search.command import index, search, serve

    for command in (batch, index, search, serve):
        main.add_command(command)


_register_stage_commands()


if __name__ == "__main__":
    main()
