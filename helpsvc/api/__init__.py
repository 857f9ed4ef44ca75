"""HTTP layer: the app factory and its routers. Thin: parse, call, shape the response."""

from helpsvc.api.app import create_app

__all__ = ["create_app"]
