"""Where the project's files live, relative to the repository root."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS_DIR = ROOT / "schemas"
SOURCES_DIR = ROOT / "sources"
TIMELINE_DIR = ROOT / "timeline"
DATA_DIR = ROOT / "data"
DOCS_DIR = ROOT / "docs"
TEMPLATES_DIR = ROOT / "overrides" / "hooks"
