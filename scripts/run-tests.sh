#!/usr/bin/env bash
# The test suite: lint, the layers' import contracts, types, the forms' freshness, then pytest (Qt offscreen,
# settings in a temp folder).
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
python -m ruff check vma_desk tests benchmarks scripts
lint-imports --no-cache  # the layers' contracts in pyproject.toml
python -m mypy  # strict types where pyproject.toml's [tool.mypy] says
python scripts/build_forms.py --check
python -m pytest "$@"
