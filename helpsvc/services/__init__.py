"""Use cases between the HTTP layer and the store: one transaction per use case.

Module map: ``container`` (the parts read from files and the services built on them),
``tenants`` (tenant commands: create, run engine commands, authenticate), ``idempotency``
(answers remembered by key), ``tenant_queries`` (ledger pages, outbox, dashboard data),
``tenant_view`` (a tenant as plain data), ``notifications`` (e-mails of queued
notifications), ``usage_export`` (a tenant's calls as PSTN report rows), ``simulations``
(replays of an export or a tenant's usage), ``f1_context`` (state-aware F1 notices),
``walkthroughs`` (guided steps), ``sign_ins`` (browser sessions), ``content`` (the docs as
served, swapped whole on reload), ``errors``.
"""
