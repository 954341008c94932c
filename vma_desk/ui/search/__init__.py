"""One search over calls and messages (Ctrl+F): ranked results with the matched words in bold."""
