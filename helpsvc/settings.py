"""All configuration of the service, read once from the environment (``HELPSVC_*``)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from helpsvc.content.urls import check_url_pattern


class Settings(BaseSettings):
    """Settings of the help service; every field can be set as ``HELPSVC_<NAME>``."""

    model_config = SettingsConfigDict(env_prefix="HELPSVC_", extra="ignore")

    host: str = Field("127.0.0.1", description="Address `helpsvc serve` listens on.")
    port: int = Field(8000, ge=1, le=65535, description="Port `helpsvc serve` listens on.")
    docs_dir: Path = Field(Path("docs"), description="Docs tree with one folder per language.")
    glossary_dir: Path = Field(
        Path("glossary"),
        description="Folder of the glossary files (en.yaml, de.yaml, zh.yaml); a relative "
        "path that does not exist is looked up next to the docs tree.",
    )
    site_dir: Path = Field(Path("site"), description="Built site that the service serves.")
    mkdocs_config: Path = Field(Path("mkdocs.yml"), description="MkDocs configuration file.")
    default_lang: str = Field("en", description="Source language of the docs and the fallback.")
    page_url: str | None = Field(
        None,
        description="Where the docs' pages live when not on this service's MkDocs site: a URL "
        "pattern with {path} (the file's path without .md), {lang} and {locale} "
        "(ms.contentlocale), e.g. https://learn.microsoft.com/{locale}/microsoftteams/{path}. "
        "F1 redirects and every answer's url point there; unset: the MkDocs site.",
    )
    search_warmup: bool = Field(
        True,
        description="Build the search indexes in the background when the service starts and "
        "after a reload; off: each language's index is built by its first search.",
    )
    site_url: str = Field(
        "http://127.0.0.1:8000/",
        description="Public address of the site, used for hreflang and canonical links.",
    )
    data_dir: Path = Field(Path("var"), description="Folder for local state (SQLite and logs).")
    database_url: str | None = Field(
        None,
        description="SQLAlchemy URL of the database; default: an SQLite file in data_dir. "
        "Example: postgresql+psycopg://postgres@127.0.0.1:5432/test",
    )
    admin_token: str | None = Field(
        None, description="Bearer token for the admin endpoints (content reload); unset: off."
    )
    smtp_url: str | None = Field(
        None,
        description="Send notifications by SMTP, e.g. "
        "smtp://127.0.0.1:1025?from=credits@example.org; unset: they stay in the outbox.",
    )
    smtp_from: str = Field(
        "Communications Credits simulator <credits-simulator@localhost>",
        description="Sender address of notification e-mails (unless the SMTP URL sets from=).",
    )
    outbox_seconds: float = Field(1.0, gt=0, description="How often the outbox is sent.")
    simulation_max_bytes: int = Field(
        50 * 1024 * 1024,
        gt=0,
        description="Largest usage export /api/v1/simulations and /simulate accept (bytes); "
        "larger uploads are answered 413.",
    )
    max_body_bytes: int = Field(
        1024 * 1024,
        gt=0,
        description="Largest request body of every other route (bytes); a larger one is "
        "answered 413 before it is read (by Content-Length, or counted when chunked).",
    )
    miss_flush_seconds: float = Field(
        2.0, gt=0, description="How often counted F1 misses are written to the database."
    )
    miss_max_keywords: int = Field(
        10_000,
        ge=1,
        description="Most distinct (keyword, locale) misses kept; misses of further keywords "
        "only add to the 'other' count, so random keywords cannot grow the list without end.",
    )
    behind_tls: bool = Field(
        False,
        description="The service is reached over HTTPS through a proxy: cookies are marked "
        "Secure even when the request to the service itself is plain HTTP.",
    )
    telemetry: bool = Field(
        False,
        description="Let FastAPI report traces, metrics and logs to the OpenTelemetry "
        "providers the process configures. Off by default: with it on, every request asks "
        "whether a provider is configured, about a quarter of an F1 redirect's time.",
    )
    # Per-client limits, in the notation of the `limits` library ("10/minute;100/day").
    rate_limit_storage: str = Field(
        "memory://",
        description="Where rate-limit counters live: memory:// (one process) or a Redis URL "
        "such as redis://127.0.0.1:6379 (shared by every process of the service).",
    )
    rate_limit_tenant_creation: str = Field(
        "10/minute;100/day", description="Anonymous POST /api/v1/tenants per client address."
    )
    rate_limit_sign_in: str = Field(
        "10/minute;100/hour", description="POST /signin per client address."
    )
    rate_limit_sandbox: str = Field(
        "5/minute;30/hour", description="Sandboxes started (POST /try/{flow}) per client address."
    )
    rate_limit_admin: str = Field(
        "30/minute", description="Requests to the admin endpoints per client address."
    )
    rate_limit_key_failures: str = Field(
        "20/minute;200/hour",
        description="Wrong API keys, sign-in keys and admin tokens per client address; past "
        "the limit every key check of that client is answered 429 until the window passes.",
    )

    @field_validator("page_url")
    @classmethod
    def _page_url(cls, value: str | None) -> str | None:
        return check_url_pattern(value) if value else None
