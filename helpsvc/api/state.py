"""Typed access to what the app factory put on the app: its services and its templates."""

from __future__ import annotations

from fastapi import Request
from fastapi.templating import Jinja2Templates

from helpsvc.services.container import Services


def get_services(request: Request) -> Services:
    return request.app.state.services


def get_templates(request: Request) -> Jinja2Templates:
    return request.app.state.templates
