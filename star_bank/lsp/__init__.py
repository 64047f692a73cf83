"""The language server: starlint's findings in the editor, as you write.

`documents.py` lints an open document's text with the configuration the CLI
would find for its path (no editor types); `positions.py` turns file offsets
into the editor's line and UTF-16 column; `protocol.py` maps findings to
diagnostics, hovers and code actions (lsprotocol types); `server.py` is the
pygls server over stdio. Needs the `lsp` extra: pip install 'star-bank[lsp]'.
"""
