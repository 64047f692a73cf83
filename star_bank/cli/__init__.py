"""The command-line tools: thin layers that parse arguments, call the library and print."""
