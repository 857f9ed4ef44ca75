"""``/api/v1/simulations``: replay a usage export against a configuration."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
