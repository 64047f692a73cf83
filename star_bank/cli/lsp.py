"""`starlint-ls`: starlint as a language server, for any editor that speaks LSP."""

from __future__ import annotations

import click

from star_bank import __version__
from star_bank.cli.common import EXIT_ERROR, error_line


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--stdio", is_flag=True, help="Talk over stdin and stdout (the default and only transport).")
@click.version_option(__version__, prog_name="starlint-ls")
def main(stdio: bool) -> None:
    """Run starlint as a language server over stdio.

    Diagnostics on open, change and save, quick fixes that suppress a finding,
    and hovers with the rule's examples. Configure as for starlint
    ([tool.starlint] or .starlint.toml, found from each document's folder).
    Needs the lsp extra: pip install 'star-bank[lsp]'.
    """
    try:
        from star_bank.lsp.server import serve
    except ImportError as exc:
        error_line(f"starlint-ls needs the lsp extra (missing {exc.name}): pip install 'star-bank[lsp]'")
        raise SystemExit(EXIT_ERROR) from None
    serve()


if __name__ == "__main__":
    main()
