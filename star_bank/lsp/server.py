"""`starlint-ls`: the pygls server over stdio.

Diagnostics are pushed on open and on save at once, and on change after a
short pause in typing (a debounce, so a burst of keystrokes costs one lint).
Linting runs on one worker thread: the event loop keeps answering hovers and
code actions, and spaCy, loaded once, stays warm between lints. A result for
an older version of a document than the editor now holds is dropped.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from star_bank import __version__
from star_bank.lsp.documents import LintedDocument, Linters, lint_document, warm_up
from star_bank.lsp.positions import DocumentLines
from star_bank.lsp.protocol import SHOW_RULE_DOCS, code_actions, contains, diagnostic, hover_text

# Seconds without a change before a changed document is linted again.
DEBOUNCE_SECONDS = 0.25


class StarlintServer(LanguageServer):
    """The language server, with the state it keeps between requests."""

    def __init__(self) -> None:
        super().__init__("starlint-ls", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.linters = Linters()
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="starlint")
        self.linted: dict[str, LintedDocument] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}

    async def relint(self, uri: str) -> None:
        """Lint the document as it is now and publish its diagnostics (unless it changed meanwhile)."""
        document = self.workspace.get_text_document(uri)
        version, text = document.version, document.source
        loop = asyncio.get_running_loop()
        result = await loop.run_in_executor(self.worker, lint_document, self.linters, text, document.path)
        if self.workspace.get_text_document(uri).version != version:
            return
        self.linted[uri] = result
        if result.error:
            self.window_log_message(types.LogMessageParams(type=types.MessageType.Warning, message=result.error))
        lines = DocumentLines(text)
        units = document.position_codec.client_num_units
        diagnostics = [diagnostic(f, lines, units) for f in result.findings]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=diagnostics)
        )

    def relint_later(self, uri: str) -> None:
        """Lint once typing pauses: a newer change cancels the wait."""
        previous = self.pending.pop(uri, None)
        if previous is not None:
            previous.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self._after_pause(uri))

    async def _after_pause(self, uri: str) -> None:
        await asyncio.sleep(DEBOUNCE_SECONDS)
        self.pending.pop(uri, None)
        await self.relint(uri)


SERVER = StarlintServer()


@SERVER.feature(types.INITIALIZED)
def _initialized(server: StarlintServer, params: types.InitializedParams) -> None:
    root = server.workspace.root_path
    server.worker.submit(warm_up, server.linters, root)


@SERVER.feature(types.TEXT_DOCUMENT_DID_OPEN)
async def _did_open(server: StarlintServer, params: types.DidOpenTextDocumentParams) -> None:
    await server.relint(params.text_document.uri)


@SERVER.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def _did_change(server: StarlintServer, params: types.DidChangeTextDocumentParams) -> None:
    server.relint_later(params.text_document.uri)


@SERVER.feature(types.TEXT_DOCUMENT_DID_SAVE)
async def _did_save(server: StarlintServer, params: types.DidSaveTextDocumentParams) -> None:
    await server.relint(params.text_document.uri)


@SERVER.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def _did_close(server: StarlintServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    server.linted.pop(uri, None)
    server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@SERVER.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
)
def _code_action(server: StarlintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    lines = DocumentLines(server.workspace.get_text_document(uri).source)
    return code_actions(uri, lines, list(params.context.diagnostics))


@SERVER.feature(types.TEXT_DOCUMENT_HOVER)
def _hover(server: StarlintServer, params: types.HoverParams) -> types.Hover | None:
    uri = params.text_document.uri
    linted = server.linted.get(uri)
    if linted is None:
        return None
    document = server.workspace.get_text_document(uri)
    lines = DocumentLines(document.source)
    units = document.position_codec.client_num_units
    texts = [
        hover_text(f, linted.rules.get(f.rule))
        for f in linted.findings
        if contains(diagnostic(f, lines, units).range, params.position)
    ]
    if not texts:
        return None
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(texts)))


@SERVER.command(SHOW_RULE_DOCS)
async def _show_rule_docs(server: StarlintServer, url: str) -> None:
    await server.window_show_document_async(types.ShowDocumentParams(uri=url, external=True))


def serve() -> None:
    """Talk JSON-RPC on stdin and stdout until the editor says exit."""
    SERVER.start_io()
