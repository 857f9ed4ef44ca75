"""Messages the service shows or answers with, in English, German and Simplified Chinese.

German and Chinese use the terms of the project's glossary (Kommunikationsguthaben,
通信点数). A missing translation falls back to English rather than to a key.
"""

from __future__ import annotations

from typing import Any

from helpsvc.i18n.lookup import in_language, message

MESSAGES: dict[str, dict[str, str]] = {
    "f1.not_found.title": {
        "en": "No help page for this keyword",
        "de": "Keine Hilfeseite zu diesem Schlüsselwort",
        "zh": "找不到此关键字的帮助页面",
    },
    "f1.not_found.detail": {
        "en": "No guide is registered for the F1 keyword “{keyword}”.",
        "de": "Für das F1-Schlüsselwort „{keyword}“ ist keine Anleitung hinterlegt.",
        "zh": "没有为 F1 关键字“{keyword}”登记任何指南。",
    },
    "f1.not_found.detail_none": {
        "en": "The request named no F1 keyword that could be looked up.",
        "de": "Die Anfrage enthält kein F1-Schlüsselwort, nach dem gesucht werden kann.",
        "zh": "请求中没有可供查找的 F1 关键字。",
    },
    "f1.suggestions": {
        "en": "Did you mean one of these guides?",
        "de": "Meinten Sie eine dieser Anleitungen?",
        "zh": "你要找的是否是以下指南之一？",
    },
    "f1.no_suggestions": {
        "en": "No similar guide was found. Try a search instead.",
        "de": "Es wurde keine ähnliche Anleitung gefunden. Versuchen Sie es mit einer Suche.",
        "zh": "没有找到相似的指南。请尝试搜索。",
    },
    "search.label": {
        "en": "Search the guides",
        "de": "Anleitungen durchsuchen",
        "zh": "搜索指南",
    },
    "search.button": {"en": "Search", "de": "Suchen", "zh": "搜索"},
    "search.title": {
        "en": "Search results for “{query}”",
        "de": "Suchergebnisse für „{query}“",
        "zh": "“{query}”的搜索结果",
    },
    "search.none": {
        "en": "No guide matches your search.",
        "de": "Keine Anleitung passt zu Ihrer Suche.",
        "zh": "没有与搜索内容匹配的指南。",
    },
    "search.fallback": {
        "en": "English only",
        "de": "nur auf Englisch",
        "zh": "仅提供英文版",
    },
    "site.home": {
        "en": "All guides",
        "de": "Alle Anleitungen",
        "zh": "所有指南",
    },
    "site.name": {
        "en": "Communications Credits Help",
        "de": "Hilfe zum Kommunikationsguthaben",
        "zh": "通信点数帮助",
    },
    "page.skip": {"en": "Skip to content", "de": "Zum Inhalt springen", "zh": "跳到正文"},
    "page.dashboard": {"en": "Dashboard", "de": "Dashboard", "zh": "仪表板"},
    "signin.title": {
        "en": "Sign in to the credit simulator",
        "de": "Beim Guthabensimulator anmelden",
        "zh": "登录通信点数模拟器",
    },
    "signin.try_title": {
        "en": "Try it without preparation",
        "de": "Ohne Vorbereitung ausprobieren",
        "zh": "无需准备即可试用",
    },
    "signin.try_text": {
        "en": "Create a sandbox organization with simulated credits. Nothing is charged, and "
        "the sandbox belongs to this browser only.",
        "de": "Legen Sie eine Sandbox-Organisation mit simuliertem Kommunikationsguthaben an. "
        "Es fallen keine Kosten an, und die Sandbox gehört nur zu diesem Browser.",
        "zh": "创建一个带有模拟通信点数的沙盒组织。不会产生任何费用，该沙盒仅属于此浏览器。",
    },
    "signin.try_button": {
        "en": "Try it in a sandbox",
        "de": "In einer Sandbox ausprobieren",
        "zh": "在沙盒中试用",
    },
    "signin.key_title": {
        "en": "Sign in with an API key",
        "de": "Mit einem API-Schlüssel anmelden",
        "zh": "使用 API 密钥登录",
    },
    "signin.key_label": {
        "en": "API key of the simulated organization",
        "de": "API-Schlüssel der simulierten Organisation",
        "zh": "模拟组织的 API 密钥",
    },
    "signin.button": {"en": "Sign in", "de": "Anmelden", "zh": "登录"},
    "signin.invalid": {
        "en": "This API key is not valid.",
        "de": "Dieser API-Schlüssel ist ungültig.",
        "zh": "此 API 密钥无效。",
    },
    "signin.csrf": {
        "en": "The form has expired. Reload the page and try again.",
        "de": "Das Formular ist abgelaufen. Laden Sie die Seite neu, und versuchen Sie es erneut.",
        "zh": "表单已过期。请重新加载页面后重试。",
    },
    "dash.title": {
        "en": "Simulated organization",
        "de": "Simulierte Organisation",
        "zh": "模拟组织",
    },
    "dash.clock": {"en": "Simulated time", "de": "Simulierte Zeit", "zh": "模拟时间"},
    "dash.balance": {"en": "Balance", "de": "Saldo", "zh": "余额"},
    "dash.chart": {
        "en": "Balance over simulated time; green lines mark recharges",
        "de": "Saldo im Verlauf der simulierten Zeit; grüne Linien markieren Aufladungen",
        "zh": "余额随模拟时间的变化；绿线表示充值",
    },
    "dash.auto_recharge": {"en": "Auto-recharge", "de": "Automatische Aufladung", "zh": "自动充值"},
    "dash.status": {"en": "Status", "de": "Status", "zh": "状态"},
    "dash.on": {"en": "On", "de": "Aktiviert", "zh": "已启用"},
    "dash.off": {"en": "Off", "de": "Deaktiviert", "zh": "已关闭"},
    "dash.trigger": {"en": "Trigger amount", "de": "Auslösebetrag", "zh": "触发金额"},
    "dash.recharge": {"en": "Recharge amount", "de": "Aufladebetrag", "zh": "充值金额"},
    "dash.card": {"en": "Credit card", "de": "Kreditkarte", "zh": "信用卡"},
    "dash.lots": {
        "en": "Purchases and their expiry",
        "de": "Käufe und ihr Verfall",
        "zh": "购买记录及其过期时间",
    },
    "dash.lot": {"en": "Purchase", "de": "Kauf", "zh": "购买"},
    "dash.amount": {"en": "Amount", "de": "Betrag", "zh": "金额"},
    "dash.remaining": {"en": "Remaining", "de": "Verbleibend", "zh": "剩余"},
    "dash.expires": {"en": "Expires", "de": "Verfällt am", "zh": "过期日期"},
    "dash.expired": {"en": "expired", "de": "verfallen", "zh": "已过期"},
    "dash.ledger": {"en": "Ledger", "de": "Buchungen", "zh": "账目"},
    "dash.when": {"en": "When", "de": "Zeitpunkt", "zh": "时间"},
    "dash.type": {"en": "Type", "de": "Art", "zh": "类型"},
    "dash.balance_after": {"en": "Balance after", "de": "Saldo danach", "zh": "之后余额"},
    "dash.outbox": {
        "en": "Notifications (e-mail outbox)",
        "de": "Benachrichtigungen (E-Mail-Postausgang)",
        "zh": "通知（电子邮件发件箱）",
    },
    "dash.none": {"en": "None yet.", "de": "Noch keine.", "zh": "暂无。"},
    "dash.walkthroughs": {
        "en": "Guided walkthroughs",
        "de": "Geführte Schritte",
        "zh": "引导式操作",
    },
    "ledger.purchase": {"en": "Purchase", "de": "Kauf", "zh": "购买"},
    "ledger.auto_recharge": {
        "en": "Auto-recharge",
        "de": "Automatische Aufladung",
        "zh": "自动充值",
    },
    "ledger.usage": {"en": "Usage", "de": "Nutzung", "zh": "使用量"},
    "ledger.expiry": {"en": "Expiry", "de": "Verfall", "zh": "过期"},
    "ledger.recharge_failed": {
        "en": "Recharge failed",
        "de": "Aufladung fehlgeschlagen",
        "zh": "充值失败",
    },
    "ledger.adjustment": {"en": "Adjustment", "de": "Korrektur", "zh": "调整"},
    "ledger.overage": {"en": "Overage", "de": "Mehrnutzung", "zh": "超额使用"},
    "problem.keyword_invalid": {
        "en": "The keyword is empty, too long or contains control characters.",
        "de": "Das Schlüsselwort ist leer, zu lang oder enthält Steuerzeichen.",
        "zh": "关键字为空、过长或包含控制字符。",
    },
    "problem.page_not_found": {
        "en": "There is no page “{page_id}”.",
        "de": "Es gibt keine Seite „{page_id}“.",
        "zh": "不存在页面“{page_id}”。",
    },
    "problem.tenant_key_missing.title": {
        "en": "Not signed in",
        "de": "Nicht angemeldet",
        "zh": "未登录",
    },
    "problem.tenant_key_missing": {
        "en": "Send the tenant's API key as “Authorization: Bearer <key>”.",
        "de": "Senden Sie den API-Schlüssel der Organisation als "
        "„Authorization: Bearer <Schlüssel>“.",
        "zh": "请以“Authorization: Bearer <密钥>”的形式发送组织的 API 密钥。",
    },
    "problem.tenant_key_invalid": {
        "en": "The API key is not valid. Keys are shown once, when the tenant is created.",
        "de": "Der API-Schlüssel ist ungültig. Schlüssel werden nur einmal angezeigt: "
        "beim Anlegen der Organisation.",
        "zh": "API 密钥无效。密钥只在创建组织时显示一次。",
    },
    "problem.tenant_not_found.title": {
        "en": "Tenant not found",
        "de": "Organisation nicht gefunden",
        "zh": "找不到组织",
    },
    "problem.tenant_not_found": {
        "en": "There is no tenant “{tenant_id}” for this API key.",
        "de": "Zu diesem API-Schlüssel gibt es keine Organisation „{tenant_id}“.",
        "zh": "此 API 密钥下没有组织“{tenant_id}”。",
    },
    "problem.idempotency_reused.title": {
        "en": "Idempotency key reused",
        "de": "Idempotenzschlüssel wiederverwendet",
        "zh": "幂等键被重复使用",
    },
    "problem.idempotency_reused": {
        "en": "The Idempotency-Key “{key}” was already used for a different request. "
        "Use a new key for a new request.",
        "de": "Der Idempotency-Key „{key}“ wurde bereits für eine andere Anfrage verwendet. "
        "Verwenden Sie für jede neue Anfrage einen neuen Schlüssel.",
        "zh": "Idempotency-Key“{key}”已用于另一个请求。新请求请使用新的键。",
    },
    "problem.idempotency_key_invalid.title": {
        "en": "Invalid Idempotency-Key",
        "de": "Ungültiger Idempotency-Key",
        "zh": "Idempotency-Key 无效",
    },
    "problem.idempotency_key_empty": {
        "en": "The Idempotency-Key header is empty. Send a value of your own, unique per "
        "request, with 1 to {max} visible ASCII characters (a UUID, for example), or leave "
        "the header out.",
        "de": "Der Header „Idempotency-Key“ ist leer. Senden Sie einen eigenen, pro Anfrage "
        "eindeutigen Wert aus 1 bis {max} sichtbaren ASCII-Zeichen (zum Beispiel eine UUID), "
        "oder lassen Sie den Header weg.",
        "zh": "Idempotency-Key 标头为空。请发送您自己生成、每个请求唯一的值，"
        "由 1 到 {max} 个可见 ASCII 字符组成（例如 UUID），或者不发送此标头。",
    },
    "problem.idempotency_key_too_long": {
        "en": "The Idempotency-Key header has {length} characters; at most {max} are allowed.",
        "de": "Der Header „Idempotency-Key“ hat {length} Zeichen; erlaubt sind höchstens {max}.",
        "zh": "Idempotency-Key 标头有 {length} 个字符，最多允许 {max} 个。",
    },
    "problem.idempotency_key_character": {
        "en": "The Idempotency-Key header contains the character {character} at position "
        "{position}. Only visible ASCII characters are allowed: letters, digits and "
        "punctuation, no spaces.",
        "de": "Der Header „Idempotency-Key“ enthält an Position {position} das Zeichen "
        "{character}. Erlaubt sind nur sichtbare ASCII-Zeichen: Buchstaben, Ziffern und "
        "Satzzeichen, keine Leerzeichen.",
        "zh": "Idempotency-Key 标头的第 {position} 个字符是 {character}。"
        "只允许可见 ASCII 字符：字母、数字和标点符号，不能包含空格。",
    },
    "tenant.api_key_once": {
        "en": "Store this API key now: it is shown only in this answer. The service keeps "
        "only a hash of it and cannot show it again.",
        "de": "Speichern Sie diesen API-Schlüssel jetzt: Er wird nur in dieser Antwort "
        "angezeigt. Der Dienst bewahrt nur einen Hash davon auf und kann ihn nicht erneut "
        "anzeigen.",
        "zh": "请立即保存此 API 密钥：它只在这次响应中显示。"
        "服务只保存密钥的哈希值，无法再次显示密钥。",
    },
    "tenant.api_key_withheld": {
        "en": "This repeats the answer to an earlier request with the same Idempotency-Key. "
        "The API key was shown only in the first answer and cannot be shown again. If it "
        "was lost, create a new tenant with a new Idempotency-Key.",
        "de": "Dies wiederholt die Antwort auf eine frühere Anfrage mit demselben "
        "Idempotency-Key. Der API-Schlüssel wurde nur in der ersten Antwort angezeigt und "
        "kann nicht erneut angezeigt werden. Falls er verloren gegangen ist, legen Sie mit "
        "einem neuen Idempotency-Key eine neue Organisation an.",
        "zh": "这是对先前使用相同 Idempotency-Key 的请求的重复响应。API 密钥只在第一次响应中显示，"
        "无法再次显示。如果密钥已丢失，请使用新的 Idempotency-Key 创建新组织。",
    },
    "problem.validation.title": {
        "en": "Invalid request",
        "de": "Ungültige Anfrage",
        "zh": "请求无效",
    },
    "problem.validation": {
        "en": "Check these fields: {fields}.",
        "de": "Prüfen Sie diese Felder: {fields}.",
        "zh": "请检查以下字段：{fields}。",
    },
    "problem.walkthrough_not_found.title": {
        "en": "Walkthrough not found",
        "de": "Geführte Schritte nicht gefunden",
        "zh": "找不到引导",
    },
    "problem.walkthrough_not_found": {
        "en": "There is no walkthrough “{session_id}” for this tenant.",
        "de": "Für diese Organisation gibt es keine geführten Schritte „{session_id}“.",
        "zh": "此组织没有引导“{session_id}”。",
    },
    "search.term_note": {
        "en": "The guides say “{preferred}”, not “{used}”.",
        "de": "Die Anleitungen sagen „{preferred}“, nicht „{used}“.",
        "zh": "指南中使用“{preferred}”，而不是“{used}”。",
    },
    "problem.unauthorized": {
        "en": "This endpoint needs the admin token in an Authorization: Bearer header.",
        "de": "Dieser Endpunkt erfordert das Admin-Token im Header „Authorization: Bearer“.",
        "zh": "此端点需要在 Authorization: Bearer 标头中提供管理员令牌。",
    },
    "problem.unauthorized.title": {
        "en": "Admin token missing or wrong",
        "de": "Admin-Token fehlt oder ist falsch",
        "zh": "缺少管理员令牌或令牌错误",
    },
    "problem.admin_off.title": {
        "en": "Admin endpoints are off",
        "de": "Admin-Endpunkte sind deaktiviert",
        "zh": "管理端点未启用",
    },
    "problem.admin_off": {
        "en": "This service has no admin token configured, so its admin endpoints are off. "
        "Set HELPSVC_ADMIN_TOKEN and restart the service to use them.",
        "de": "Für diesen Dienst ist kein Admin-Token konfiguriert, daher sind seine "
        "Admin-Endpunkte deaktiviert. Legen Sie HELPSVC_ADMIN_TOKEN fest, und starten Sie den "
        "Dienst neu, um sie zu verwenden.",
        "zh": "此服务未配置管理员令牌，因此其管理端点未启用。如需使用，请设置 "
        "HELPSVC_ADMIN_TOKEN 并重新启动服务。",
    },
    "problem.database_unavailable.title": {
        "en": "Database temporarily unavailable",
        "de": "Datenbank vorübergehend nicht verfügbar",
        "zh": "数据库暂时不可用",
    },
    "problem.database_unavailable.full": {
        "en": "The simulator's database has no space left, so this change was not saved. "
        "Try again in {seconds} seconds; if the problem persists, an operator needs to free "
        "disk space.",
        "de": "Die Datenbank des Simulators hat keinen freien Speicherplatz mehr, daher wurde "
        "diese Änderung nicht gespeichert. Versuchen Sie es in {seconds} Sekunden erneut. "
        "Besteht das Problem weiter, muss ein Administrator Speicherplatz freigeben.",
        "zh": "模拟器的数据库已没有可用空间，因此未保存此更改。请在 {seconds} 秒后重试；"
        "如果问题仍然存在，需要由管理员释放磁盘空间。",
    },
    "problem.database_unavailable.read_only": {
        "en": "The simulator's database is read-only at the moment, so this change was not "
        "saved. Try again in {seconds} seconds.",
        "de": "Die Datenbank des Simulators ist zurzeit schreibgeschützt, daher wurde diese "
        "Änderung nicht gespeichert. Versuchen Sie es in {seconds} Sekunden erneut.",
        "zh": "模拟器的数据库当前为只读状态，因此未保存此更改。请在 {seconds} 秒后重试。",
    },
    "problem.database_unavailable.busy": {
        "en": "The simulator's database is busy with other requests, so this request was not "
        "carried out. Try again in {seconds} seconds.",
        "de": "Die Datenbank des Simulators ist mit anderen Anfragen ausgelastet, daher wurde "
        "diese Anfrage nicht ausgeführt. Versuchen Sie es in {seconds} Sekunden erneut.",
        "zh": "模拟器的数据库正忙于处理其他请求，因此未执行此请求。请在 {seconds} 秒后重试。",
    },
    "problem.database_unavailable.unreachable": {
        "en": "The simulator's database cannot be reached, so this request could not be "
        "completed. Try again in {seconds} seconds with the same Idempotency-Key.",
        "de": "Die Datenbank des Simulators ist nicht erreichbar, daher konnte diese Anfrage "
        "nicht abgeschlossen werden. Versuchen Sie es in {seconds} Sekunden mit demselben "
        "Idempotency-Key erneut.",
        "zh": "无法连接到模拟器的数据库，因此无法完成此请求。请在 {seconds} 秒后使用相同的 "
        "Idempotency-Key 重试。",
    },
    "problem.database_unavailable.file": {
        "en": "The simulator's database file was moved or replaced while the service was "
        "running. To protect your data, changes are not accepted until an operator puts it "
        "back. Try again in {seconds} seconds.",
        "de": "Die Datenbankdatei des Simulators wurde während des Betriebs verschoben oder "
        "ersetzt. Zum Schutz Ihrer Daten werden keine Änderungen angenommen, bis ein "
        "Administrator sie wiederherstellt. Versuchen Sie es in {seconds} Sekunden erneut.",
        "zh": "服务运行期间，模拟器的数据库文件被移动或替换。为保护你的数据，在管理员将其恢复"
        "之前不接受任何更改。请在 {seconds} 秒后重试。",
    },
    "problem.not_ready.title": {
        "en": "Service not ready",
        "de": "Dienst nicht bereit",
        "zh": "服务未就绪",
    },
    "problem.not_ready": {
        "en": "These readiness checks failed: {checks}. The service is running but cannot do "
        "all of its work yet.",
        "de": "Diese Bereitschaftsprüfungen sind fehlgeschlagen: {checks}. Der Dienst läuft, "
        "kann aber noch nicht alle Aufgaben erledigen.",
        "zh": "以下就绪检查未通过：{checks}。服务正在运行，但尚不能完成全部工作。",
    },
    "problem.rate_limited.title": {
        "en": "Too many requests",
        "de": "Zu viele Anfragen",
        "zh": "请求过多",
    },
    "problem.rate_limited": {
        "en": "This client has sent too many requests of this kind. Try again in {seconds} "
        "seconds.",
        "de": "Von diesem Client kamen zu viele Anfragen dieser Art. Versuchen Sie es in "
        "{seconds} Sekunden erneut.",
        "zh": "此客户端发送的此类请求过多。请在 {seconds} 秒后重试。",
    },
    "try.title": {
        "en": "Try it in a sandbox: {guide}",
        "de": "In einer Sandbox ausprobieren: {guide}",
        "zh": "在沙盒中试用：{guide}",
    },
    "try.nce": {
        "en": "The sandbox starts as an organization on NCE post-usage billing.",
        "de": "Die Sandbox beginnt als Organisation mit NCE-Abrechnung nach Nutzung.",
        "zh": "沙盒将作为采用 NCE 使用后计费的组织启动。",
    },
    "try.replaces": {
        "en": "This browser is signed in to another organization. Starting a sandbox signs it "
        "in to the new sandbox instead.",
        "de": "Dieser Browser ist bei einer anderen Organisation angemeldet. Wenn Sie eine "
        "Sandbox starten, wird er stattdessen bei der neuen Sandbox angemeldet.",
        "zh": "此浏览器已登录到另一个组织。启动沙盒后，它将改为登录到新的沙盒。",
    },
    "try.button": {
        "en": "Start the sandbox",
        "de": "Sandbox starten",
        "zh": "启动沙盒",
    },
    "try.signin": {
        "en": "Sign in with an API key instead",
        "de": "Stattdessen mit einem API-Schlüssel anmelden",
        "zh": "改用 API 密钥登录",
    },
}


def t(key: str, lang: str, /, **params: Any) -> str:
    return message(MESSAGES, key, lang, **params)


def catalog(lang: str) -> dict[str, str]:
    return in_language(MESSAGES, lang)
