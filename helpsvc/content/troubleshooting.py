"""Where a state-aware notice sends the admin for the cause and the fix.

Every notice the F1 answer or the dashboard shows has a section of the troubleshooting
guide (symptom, cause, fix). The anchors are part of the guide's contract: ``helpsvc check``
reports a language whose troubleshooting page lacks one (check ``notice-anchor``).
"""

from __future__ import annotations

from helpsvc.content.index import ContentIndex

TROUBLESHOOTING = "troubleshooting"

# Notice code → section anchor. The F1 notices and the dashboard name some causes
# differently (the dashboard splits a failed recharge by its cause), so both sets are here.
NOTICE_SECTIONS = {
    "balance_not_positive": "zero-balance",
    "balance": "zero-balance",
    "recharge_failed": "recharge-failed",
    "recharge_failed_card_expired": "recharge-failed",
    "card_expired": "recharge-failed",
    "license_missing": "license-missing",
    "nce_cannot_purchase": "nce-auto-recharge",
    "nce": "nce-auto-recharge",
}


def notice_help_url(index: ContentIndex, code: str, lang: str) -> str | None:
    """Site path of the troubleshooting section for notice ``code``, in ``lang`` if it exists.

    None when the notice has no section or the docs have no troubleshooting guide (a
    foreign docs tree): a missing link is better than a link into a 404.
    """
    anchor = NOTICE_SECTIONS.get(code)
    if anchor is None:
        return None
    for candidate in (lang, index.default_lang):
        page = index.page(TROUBLESHOOTING, candidate)
        if page is not None and anchor in page.explicit_anchors:
            return f"{index.url(page)}#{anchor}"
    return None
