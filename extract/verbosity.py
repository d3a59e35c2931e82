"""How much a command says: --quiet and --verbose on every command, one setting that commands and logging share."""
from __future__ import annotations

import logging
import sys

import click

QUIET, NORMAL, VERBOSE = -1, 0, 1
_KEY = "tongbao.verbosity"
_LOG_LEVELS = {QUIET: logging.ERROR, NORMAL: logging.WARNING, VERBOSE: logging.INFO}


def level() -> int:
    """QUIET, NORMAL, or VERBOSE and above (-vv), as the running command was asked."""
    ctx = click.get_current_context(silent=True)
    return ctx.find_root().meta.get(_KEY, NORMAL) if ctx else NORMAL


def _record(ctx: click.Context, param: click.Parameter, value):
    meta = ctx.find_root().meta
    if param.name == "quiet" and value:
        meta[_KEY] = QUIET
    elif param.name == "verbose" and value and meta.get(_KEY) != QUIET:  # --quiet wins over --verbose
        meta[_KEY] = value
    _configure_logging(meta.get(_KEY, NORMAL))
    return value


def _configure_logging(verbosity: int) -> None:
    """The package's own loggers to stderr; libraries' loggers (pdfminer's font noise) stay silent."""
    logger = logging.getLogger(__name__.partition(".")[0])
    handler = next((h for h in logger.handlers if getattr(h, "_tongbao", False)), None)
    if handler is None:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("tongbao: %(levelname)s: %(message)s"))
        handler._tongbao = True
        logger.addHandler(handler)
    handler.setStream(sys.stderr)  # the stderr of now, which a test runner may have swapped
    logger.setLevel(_LOG_LEVELS.get(verbosity, logging.DEBUG))


def quiet_option(expose: bool = False) -> click.Option:
    return click.Option(["-q", "--quiet"], is_flag=True, expose_value=expose, callback=_record,
                        help="Say nothing but errors.")


def verbose_option(expose: bool = False) -> click.Option:
    return click.Option(["-v", "--verbose"], count=True, expose_value=expose, callback=_record,
                        help="Say more: each document's warnings and each failure as it happens (-vv: debug logs).")


def add_verbosity_options(command: click.Command, *, expose: bool = False) -> click.Command:
    """Give a command --quiet and --verbose (passed to it as `quiet` and `verbose` when `expose`)."""
    names = {param.name for param in command.params}
    command.params.extend(option(expose) for name, option in (("quiet", quiet_option), ("verbose", verbose_option))
                          if name not in names)
    return command
