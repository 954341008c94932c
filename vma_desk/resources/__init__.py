"""Files the package ships and reads with `importlib.resources`: the style sheet (style.qss), the
icons (icons/) and the fonts the PDF reports embed (fonts/: DejaVu Sans, licence in fonts/LICENSE).
No code; declared as package data in pyproject.toml, collected by build.spec."""
