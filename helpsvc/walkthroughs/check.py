"""``helpsvc check`` for flows: every guide section a step shows exists in every language."""

from __future__ import annotations

from pathlib import Path

from helpsvc.content.findings import Finding
from helpsvc.content.index import ContentIndex
from helpsvc.walkthroughs.load import FLOWS_DIR, FlowError, parse_flow


def check_flows(index: ContentIndex, folder: Path = FLOWS_DIR) -> list[Finding]:
    findings: list[Finding] = []
    for file in sorted(folder.glob("*.yaml")):
        shown = file.as_posix()
        try:
            flow = parse_flow(file.read_text(encoding="utf-8"), shown)
        except FlowError as error:
            findings.append(Finding(shown, error.line, "walkthrough-invalid", error.message))
            continue
        wanted = [(flow.guide, s.section, s.line) for s in flow.steps]
        wanted += [(stop.guide, stop.section, 1) for stop in flow.stop_when]
        for page_id, anchor, line in wanted:
            for lang in index.languages:
                page = index.page(page_id, lang)
                if page is None:
                    findings.append(
                        Finding(
                            shown,
                            line,
                            "walkthrough-anchor",
                            f"flow '{flow.id}': guide '{page_id}' does not exist in '{lang}'",
                        )
                    )
                elif anchor not in page.explicit_anchors:
                    findings.append(
                        Finding(
                            shown,
                            line,
                            "walkthrough-anchor",
                            f"flow '{flow.id}': {page.path} has no section '#{anchor}'",
                        )
                    )
    return findings
