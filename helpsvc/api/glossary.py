"""``/api/v1/glossary``: the glossary's concepts and terms per language."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
