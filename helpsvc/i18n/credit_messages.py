"""Localized texts for the credit simulator: refusals and the admins' e-mail notifications.

The engine (``helpsvc.credits``) never writes prose: it refuses a command with a stable
``ErrorCode`` plus plain parameters and queues ``NotificationQueued`` events. This module turns
both into English, German or Simplified Chinese for the API and the outbox.

Terminology follows the project's glossary, one term per concept (Communications Credits =
Kommunikationsguthaben / 通信点数, auto-recharge = automatische Aufladung / 自动充值,
balance = Saldo / 余额, add funds = Guthaben aufladen / 添加资金, ...). German addresses the
reader with "Sie", Chinese with "你" and uses full-width punctuation.

Variants. A code can be raised with different parameters (``invalid_amount`` carries
``field`` and ``value`` from the engine, but ``value`` and ``currency`` from ``Money.parse``),
so each language holds a ``detail`` without placeholders plus variants named after what they
need::

    "detail:field+value"                    params ``field`` and ``value`` are given
    "detail:field=trigger,charge+value"     ... and ``field`` is ``trigger`` or ``charge``

The variant with the most requirements met wins (then the one with more value matches, then
the one listed first); ``detail`` is the fallback. A variant only uses placeholders it
requires, so no ``{name}`` can stay unfilled; the formatter still renders an unknown name as
"" as a last line of defence. A parameter that is None or blank counts as not given.

Values are shown as the engine passes them (amounts as ``Money.format()`` strings with a dot,
which is also what the API accepts back), except that ``field`` becomes the localized field
label, ``license``, ``service`` and ``number_type`` their localized names, and ``amount``,
``balance`` and ``debt`` get the ``currency`` appended. The output is plain text: escape it
before putting it into HTML.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from functools import cache
from typing import Any

from helpsvc.content.locales import match_range

Param = str | int

LANGUAGES: tuple[str, ...] = ("en", "de", "zh")
DEFAULT_LANGUAGE = "en"

# code -> language -> {title, detail, detail:<requirements>...}; see the module docstring.
ERROR_MESSAGES: dict[str, dict[str, dict[str, str]]] = {
    "nce_cannot_purchase": {
        "en": {
            "title": "Not available with NCE (New Commerce Experience)",
            "detail": (
                "Your organization uses post-usage billing with NCE (New Commerce Experience), so "
                "you can't add funds or turn on auto-recharge. Usage that your plans don't cover "
                "is billed as overage after each billing period."
            ),
        },
        "de": {
            "title": "Mit NCE (New Commerce Experience) nicht verfügbar",
            "detail": (
                "Ihre Organisation nutzt die Abrechnung nach Nutzung mit NCE (New Commerce "
                "Experience). Deshalb können Sie weder Guthaben aufladen noch die automatische "
                "Aufladung aktivieren. Nutzung, die Ihre Pläne nicht abdecken, wird nach jedem "
                "Abrechnungszeitraum als Mehrnutzung abgerechnet."
            ),
        },
        "zh": {
            "title": "新商务体验（NCE）下不可用",
            "detail": (
                "你的组织采用新商务体验（NCE）使用后计费，因此无法添加资金，也无法启用自动充值。"
                "套餐未涵盖的使用量会在每个计费周期结束后作为超额使用计费。"
            ),
        },
    },
    "auto_recharge_must_be_off": {
        "en": {
            "title": "Turn off auto-recharge first",
            "detail": (
                "You can't switch to NCE (New Commerce Experience) while auto-recharge is on. Turn "
                "off auto-recharge, save the settings, and then switch again. Your remaining "
                "balance is kept and is used first after the switch."
            ),
        },
        "de": {
            "title": "Zuerst die automatische Aufladung deaktivieren",
            "detail": (
                "Solange die automatische Aufladung aktiviert ist, können Sie nicht zu NCE (New "
                "Commerce Experience) wechseln. Deaktivieren Sie die automatische Aufladung, "
                "speichern Sie die Einstellungen, und wechseln Sie dann erneut. Ihr verbleibender "
                "Saldo bleibt erhalten und wird nach dem Wechsel zuerst verbraucht."
            ),
        },
        "zh": {
            "title": "请先关闭自动充值",
            "detail": (
                "自动充值处于启用状态时，无法切换到新商务体验（NCE）。请关闭自动充值并保存设置，"
                "然后再次切换。你的剩余余额会保留，并在切换后优先使用。"
            ),
        },
    },
    "already_nce": {
        "en": {
            "title": "Already on NCE (New Commerce Experience)",
            "detail": (
                "Your organization already uses post-usage billing with NCE (New Commerce "
                "Experience). There is nothing to switch."
            ),
        },
        "de": {
            "title": "Bereits auf NCE (New Commerce Experience) umgestellt",
            "detail": (
                "Ihre Organisation nutzt bereits die Abrechnung nach Nutzung mit NCE (New Commerce "
                "Experience). Ein erneuter Wechsel ist nicht nötig."
            ),
        },
        "zh": {
            "title": "已在使用新商务体验（NCE）",
            "detail": "你的组织已在使用新商务体验（NCE）使用后计费，无需再次切换。",
        },
    },
    "debt_outstanding": {
        "en": {
            "title": "Balance below zero",
            "detail": (
                "Your balance is below zero. Add funds until the balance is zero or above, and "
                "then switch to NCE (New Commerce Experience)."
            ),
            "detail:debt": (
                "Your balance is {debt} below zero. Add funds of at least {debt} so that the "
                "balance is zero or above, and then switch to NCE (New Commerce Experience)."
            ),
        },
        "de": {
            "title": "Saldo unter null",
            "detail": (
                "Ihr Saldo liegt unter null. Laden Sie Guthaben auf, bis der Saldo mindestens null "
                "beträgt, und wechseln Sie dann zu NCE (New Commerce Experience)."
            ),
            "detail:debt": (
                "Ihr Saldo liegt {debt} unter null. Laden Sie Guthaben von mindestens {debt} auf, "
                "damit der Saldo mindestens null beträgt, und wechseln Sie dann zu NCE (New "
                "Commerce Experience)."
            ),
        },
        "zh": {
            "title": "余额低于零",
            "detail": (
                "你的余额低于零。请添加资金，使余额恢复到零或以上，然后再切换到新商务体验（NCE）。"
            ),
            "detail:debt": (
                "你的余额低于零，差额为 {debt}。请添加资金（至少 {debt}），使余额恢复到零或以上，"
                "然后再切换到新商务体验（NCE）。"
            ),
        },
    },
    "insufficient_balance": {
        "en": {
            "title": "Balance too low",
            "detail": (
                "A negative adjustment can only remove credits that are available; it can't take "
                "the balance below zero. Enter a smaller amount."
            ),
            "detail:amount+balance": (
                "The adjustment would remove {amount}, but the balance is only {balance}. A "
                "negative adjustment can't take the balance below zero; enter a smaller amount."
            ),
        },
        "de": {
            "title": "Saldo zu niedrig",
            "detail": (
                "Eine negative Korrektur kann nur vorhandenes Guthaben abziehen und den Saldo "
                "nicht unter null senken. Geben Sie einen kleineren Betrag ein."
            ),
            "detail:amount+balance": (
                "Die Korrektur würde {amount} abziehen, der Saldo beträgt aber nur {balance}. Eine "
                "negative Korrektur kann den Saldo nicht unter null senken. Geben Sie einen "
                "kleineren Betrag ein."
            ),
        },
        "zh": {
            "title": "余额不足",
            "detail": "负向调整只能扣除现有的资金，不能使余额低于零。请输入较小的金额。",
            "detail:amount+balance": (
                "此次调整将扣除 {amount}，但余额仅为 {balance}。负向调整不能使余额低于零，"
                "请输入较小的金额。"
            ),
        },
    },
    "balance_not_positive": {
        "en": {
            "title": "Balance is zero or below",
            "detail": (
                "Calls paid from Communications Credits are refused while the balance is zero or "
                "below. Add funds, or turn on auto-recharge so that the balance is topped up "
                "before it runs out."
            ),
            "detail:balance": (
                "The balance is {balance}. Calls paid from Communications Credits, such as "
                "toll-free dial-in, conference dial-out and international calls, are refused until "
                "the balance is above zero. Add funds, or turn on auto-recharge so that the "
                "balance is topped up before it runs out."
            ),
        },
        "de": {
            "title": "Saldo ist null oder negativ",
            "detail": (
                "Solange der Saldo null oder negativ ist, werden Anrufe abgelehnt, die aus dem "
                "Kommunikationsguthaben bezahlt werden. Laden Sie Guthaben auf, oder aktivieren "
                "Sie die automatische Aufladung, damit der Saldo aufgefüllt wird, bevor er "
                "aufgebraucht ist."
            ),
            "detail:balance": (
                "Der Saldo beträgt {balance}. Anrufe, die aus dem Kommunikationsguthaben bezahlt "
                "werden, etwa gebührenfreie Einwahlen, Anrufe aus Besprechungen und "
                "Auslandsanrufe, werden abgelehnt, bis der Saldo wieder über null liegt. Laden Sie "
                "Guthaben auf, oder aktivieren Sie die automatische Aufladung, damit der Saldo "
                "aufgefüllt wird, bevor er aufgebraucht ist."
            ),
        },
        "zh": {
            "title": "余额为零或负数",
            "detail": (
                "余额为零或负数时，由通信点数支付的通话会被拒绝。请添加资金，或启用自动充值，"
                "以便在余额用完之前自动补足。"
            ),
            "detail:balance": (
                "当前余额为 {balance}。在余额恢复到零以上之前，"
                "由通信点数支付的通话（例如免费电话拨入、会议拨出和国际通话）都会被拒绝。"
                "请添加资金，或启用自动充值，以便在余额用完之前自动补足。"
            ),
        },
    },
    "license_missing": {
        "en": {
            "title": "License missing",
            "detail": (
                "The user doesn't have every license this call needs. Check the user's licenses, "
                "assign the missing one, and then try again."
            ),
            "detail:license": (
                "The user is missing a license that this call needs: {license}. Assign it to the "
                "user, and then try again."
            ),
            "detail:license=communications_credits": (
                "Calls paid from the balance need the Communications Credits license, which E5 "
                "doesn't include. Assign the Communications Credits license to the user, and then "
                "try again."
            ),
        },
        "de": {
            "title": "Lizenz fehlt",
            "detail": (
                "Dem Benutzer fehlt eine Lizenz, die dieser Anruf erfordert. Prüfen Sie die "
                "Lizenzen des Benutzers, weisen Sie die fehlende Lizenz zu, und versuchen Sie es "
                "erneut."
            ),
            "detail:license": (
                "Dem Benutzer fehlt eine Lizenz, die dieser Anruf erfordert: {license}. Weisen Sie "
                "sie dem Benutzer zu, und versuchen Sie es erneut."
            ),
            "detail:license=communications_credits": (
                "Anrufe, die aus dem Saldo bezahlt werden, erfordern die "
                "Kommunikationsguthaben-Lizenz. Sie ist auch in E5 nicht enthalten. Weisen Sie dem "
                "Benutzer die Kommunikationsguthaben-Lizenz zu, und versuchen Sie es erneut."
            ),
        },
        "zh": {
            "title": "缺少许可证",
            "detail": (
                "该用户缺少此通话所需的许可证。请检查该用户的许可证，分配缺少的许可证，然后重试。"
            ),
            "detail:license": (
                "该用户缺少此通话所需的许可证：{license}。请为该用户分配此许可证，然后重试。"
            ),
            "detail:license=communications_credits": (
                "由余额支付的通话需要通信点数许可证，而 E5 不包含此许可证。"
                "请为该用户分配通信点数许可证，然后重试。"
            ),
        },
    },
    "rate_missing": {
        "en": {
            "title": "No rate for this call",
            "detail": (
                "The rate table has no price for this call, so it can't be charged. Check the "
                "destination and the number type, or add the missing rate to the rate table."
            ),
            "detail:currency+service+country+number_type": (
                "The rate table has no {currency} rate for {service} with country or region "
                "“{country}” and number type “{number_type}”. Check the destination and the number "
                "type, or add the missing rate to the rate table."
            ),
        },
        "de": {
            "title": "Kein Tarif für diesen Anruf",
            "detail": (
                "Die Tariftabelle enthält keinen Preis für diesen Anruf, daher kann er nicht "
                "abgerechnet werden. Prüfen Sie das Ziel und den Rufnummerntyp, oder ergänzen Sie "
                "den fehlenden Tarif in der Tariftabelle."
            ),
            "detail:currency+service+country+number_type": (
                "Die Tariftabelle enthält keinen Tarif in {currency} für {service} mit Land oder "
                "Region „{country}“ und Rufnummerntyp „{number_type}“. Prüfen Sie das Ziel und den "
                "Rufnummerntyp, oder ergänzen Sie den fehlenden Tarif in der Tariftabelle."
            ),
        },
        "zh": {
            "title": "此通话没有适用的费率",
            "detail": (
                "费率表中没有此通话的价格，因此无法计费。请检查目的地和号码类型，"
                "或在费率表中添加缺少的费率。"
            ),
            "detail:currency+service+country+number_type": (
                "费率表中没有{service}的 {currency} 费率（国家或地区“{country}”，"
                "号码类型“{number_type}”）。请检查目的地和号码类型，或在费率表中添加缺少的费率。"
            ),
        },
    },
    "invalid_call": {
        "en": {
            "title": "Invalid call",
            "detail": "The call details are incomplete or invalid. Check them, and then try again.",
            "detail:field+value": "“{value}” is not a valid value for “{field}”.",
            "detail:field=kind+value": (
                "“{value}” is not a known call type. Use one of these: toll_free_dial_in, "
                "conference_dial_out, user_outbound_domestic, user_outbound_international, "
                "payg_outbound."
            ),
            "detail:field=number_type+value": (
                "“{value}” is not a known number type. Use geographic, mobile or toll_free."
            ),
            "detail:field=duration_seconds+value": (
                "“{value}” is not a valid call duration. Enter a whole number of seconds, 0 or "
                "more."
            ),
            "detail:field=destination+value+expected": (
                "A domestic call must stay in the user's country or region ({expected}), but the "
                "destination is {value}. Place it as an international call, or change the "
                "destination."
            ),
            "detail:field=destination+value+user_country": (
                "An international call must go to a country or region other than the user's "
                "({user_country}), but the destination is {value}. Place it as a domestic call, or "
                "change the destination."
            ),
        },
        "de": {
            "title": "Ungültiger Anruf",
            "detail": (
                "Die Angaben zum Anruf sind unvollständig oder ungültig. Prüfen Sie sie, und "
                "versuchen Sie es erneut."
            ),
            "detail:field+value": "„{value}“ ist kein gültiger Wert für „{field}“.",
            "detail:field=kind+value": (
                "„{value}“ ist kein bekannter Anruftyp. Verwenden Sie einen der folgenden Werte: "
                "toll_free_dial_in, conference_dial_out, user_outbound_domestic, "
                "user_outbound_international, payg_outbound."
            ),
            "detail:field=number_type+value": (
                "„{value}“ ist kein bekannter Rufnummerntyp. Verwenden Sie geographic, mobile oder "
                "toll_free."
            ),
            "detail:field=duration_seconds+value": (
                "„{value}“ ist keine gültige Anrufdauer. Geben Sie eine ganze Zahl von Sekunden "
                "ein, mindestens 0."
            ),
            "detail:field=destination+value+expected": (
                "Ein Inlandsanruf muss im Land oder in der Region des Benutzers bleiben "
                "({expected}), das Ziel ist aber {value}. Führen Sie den Anruf als Auslandsanruf "
                "aus, oder ändern Sie das Ziel."
            ),
            "detail:field=destination+value+user_country": (
                "Ein Auslandsanruf muss in ein anderes Land oder eine andere Region gehen als die "
                "des Benutzers ({user_country}), das Ziel ist aber {value}. Führen Sie den Anruf "
                "als Inlandsanruf aus, oder ändern Sie das Ziel."
            ),
        },
        "zh": {
            "title": "通话无效",
            "detail": "通话信息不完整或无效。请检查后重试。",
            "detail:field+value": "“{value}”不是“{field}”的有效值。",
            "detail:field=kind+value": (
                "“{value}”不是已知的通话类型。请使用以下值之一：toll_free_dial_in、"
                "conference_dial_out、user_outbound_domestic、user_outbound_international、"
                "payg_outbound。"
            ),
            "detail:field=number_type+value": (
                "“{value}”不是已知的号码类型。请使用 geographic、mobile 或 toll_free。"
            ),
            "detail:field=duration_seconds+value": (
                "“{value}”不是有效的通话时长。请输入大于或等于 0 的整数秒数。"
            ),
            "detail:field=destination+value+expected": (
                "国内通话必须拨往用户所在的国家或地区（{expected}），但目的地为 {value}。"
                "请改为国际通话，或更改目的地。"
            ),
            "detail:field=destination+value+user_country": (
                "国际通话必须拨往用户所在国家或地区（{user_country}）以外的地方，但目的地为 "
                "{value}。请改为国内通话，或更改目的地。"
            ),
        },
    },
    "card_expired": {
        "en": {
            "title": "Credit card expired",
            "detail": (
                "The credit card has expired. Update the credit card with one that is still valid, "
                "and then try again."
            ),
            "detail:last4+expiry": (
                "The credit card ending in {last4} has expired (valid through {expiry}). Update "
                "the credit card with one that is still valid, and then try again."
            ),
        },
        "de": {
            "title": "Kreditkarte abgelaufen",
            "detail": (
                "Die Kreditkarte ist abgelaufen. Hinterlegen Sie eine gültige Kreditkarte, und "
                "versuchen Sie es erneut."
            ),
            "detail:last4+expiry": (
                "Die Kreditkarte mit der Endung {last4} ist abgelaufen (gültig bis {expiry}). "
                "Hinterlegen Sie eine gültige Kreditkarte, und versuchen Sie es erneut."
            ),
        },
        "zh": {
            "title": "信用卡已过期",
            "detail": "信用卡已过期。请更新为仍在有效期内的信用卡，然后重试。",
            "detail:last4+expiry": (
                "尾号为 {last4} 的信用卡已过期（有效期至 {expiry}）。请更新为仍在有效期内的信用卡，"
                "然后重试。"
            ),
        },
    },
    "card_missing": {
        "en": {
            "title": "No credit card on file",
            "detail": (
                "No credit card is on file. Add a credit card, and then try again. Purchases and "
                "auto-recharge are charged to this card."
            ),
        },
        "de": {
            "title": "Keine Kreditkarte hinterlegt",
            "detail": (
                "Es ist keine Kreditkarte hinterlegt. Hinterlegen Sie eine Kreditkarte, und "
                "versuchen Sie es erneut. Käufe und die automatische Aufladung werden über diese "
                "Karte abgerechnet."
            ),
        },
        "zh": {
            "title": "未设置信用卡",
            "detail": "尚未设置信用卡。请添加信用卡，然后重试。购买和自动充值都会从此信用卡扣款。",
        },
    },
    "invalid_card": {
        "en": {
            "title": "Invalid credit card details",
            "detail": "The credit card details are invalid. Check them, and then try again.",
            "detail:field+value": "“{value}” is not a valid value for “{field}”.",
            "detail:field=last4+value": (
                "“{value}” is not a valid value for “{field}”. Enter exactly 4 digits."
            ),
            "detail:field=exp_month+value": (
                "“{value}” is not a valid value for “{field}”. Enter a month from 1 to 12."
            ),
            "detail:field=exp_year+value": (
                "“{value}” is not a valid value for “{field}”. Enter the year with four digits, "
                "for example 2027."
            ),
        },
        "de": {
            "title": "Ungültige Kreditkartendaten",
            "detail": (
                "Die Kreditkartendaten sind ungültig. Prüfen Sie sie, und versuchen Sie es erneut."
            ),
            "detail:field+value": "„{value}“ ist kein gültiger Wert für „{field}“.",
            "detail:field=last4+value": (
                "„{value}“ ist kein gültiger Wert für „{field}“. Geben Sie genau 4 Ziffern ein."
            ),
            "detail:field=exp_month+value": (
                "„{value}“ ist kein gültiger Wert für „{field}“. Geben Sie einen Monat von 1 bis "
                "12 ein."
            ),
            "detail:field=exp_year+value": (
                "„{value}“ ist kein gültiger Wert für „{field}“. Geben Sie das Jahr vierstellig "
                "ein, z. B. 2027."
            ),
        },
        "zh": {
            "title": "信用卡信息无效",
            "detail": "信用卡信息无效。请检查后重试。",
            "detail:field+value": "“{value}”不是“{field}”的有效值。",
            "detail:field=last4+value": "“{value}”不是“{field}”的有效值。请输入 4 位数字。",
            "detail:field=exp_month+value": (
                "“{value}”不是“{field}”的有效值。请输入 1 到 12 之间的月份。"
            ),
            "detail:field=exp_year+value": (
                "“{value}”不是“{field}”的有效值。请输入四位数的年份，例如 2027。"
            ),
        },
    },
    "currency_mismatch": {
        "en": {
            "title": "Wrong currency",
            "detail": (
                "The amounts use different currencies. Enter every amount in your organization's "
                "currency."
            ),
            "detail:expected+got": (
                "The amount is in {got}, but {expected} is expected. Enter the amount in "
                "{expected}."
            ),
            "detail:field+expected+got": (
                "“{field}” is in {got}, but your organization uses {expected}. Enter the amount in "
                "{expected}."
            ),
        },
        "de": {
            "title": "Falsche Währung",
            "detail": (
                "Die Beträge verwenden unterschiedliche Währungen. Geben Sie alle Beträge in der "
                "Währung Ihrer Organisation an."
            ),
            "detail:expected+got": (
                "Der Betrag ist in {got} angegeben, erwartet wird {expected}. Geben Sie den Betrag "
                "in {expected} an."
            ),
            "detail:field+expected+got": (
                "„{field}“ ist in {got} angegeben, Ihre Organisation verwendet aber {expected}. "
                "Geben Sie den Betrag in {expected} an."
            ),
        },
        "zh": {
            "title": "货币不匹配",
            "detail": "这些金额使用了不同的货币。请以你的组织所用的货币输入所有金额。",
            "detail:expected+got": (
                "该金额的货币为 {got}，但应为 {expected}。请以 {expected} 输入金额。"
            ),
            "detail:field+expected+got": (
                "“{field}”的货币为 {got}，但你的组织使用 {expected}。请以 {expected} 输入金额。"
            ),
        },
    },
    "unknown_currency": {
        "en": {
            "title": "Unsupported currency",
            "detail": (
                "The currency is not supported. Use a three-letter ISO 4217 code, for example USD "
                "or EUR."
            ),
            "detail:currency": (
                "“{currency}” is not a supported currency. Use a three-letter ISO 4217 code, for "
                "example USD or EUR."
            ),
        },
        "de": {
            "title": "Nicht unterstützte Währung",
            "detail": (
                "Die Währung wird nicht unterstützt. Verwenden Sie einen ISO-4217-Code aus drei "
                "Buchstaben, z. B. EUR oder USD."
            ),
            "detail:currency": (
                "„{currency}“ ist keine unterstützte Währung. Verwenden Sie einen ISO-4217-Code "
                "aus drei Buchstaben, z. B. EUR oder USD."
            ),
        },
        "zh": {
            "title": "不支持的货币",
            "detail": "不支持该货币。请使用由三个字母组成的 ISO 4217 货币代码，例如 CNY 或 USD。",
            "detail:currency": (
                "“{currency}”不是受支持的货币。请使用由三个字母组成的 ISO 4217 货币代码，例如 CNY "
                "或 USD。"
            ),
        },
    },
    "invalid_amount": {
        "en": {
            "title": "Invalid amount",
            "detail": (
                "The amount is invalid. Enter a number with a dot as the decimal separator, for "
                "example 25.00."
            ),
            "detail:value+currency": (
                "“{value}” is not a valid amount in {currency}. Enter a number with a dot as the "
                "decimal separator, for example 25.00."
            ),
            "detail:value+currency+max_decimals": (
                "“{value}” has too many decimal places. Amounts in {currency} can have at most "
                "{max_decimals} decimal places."
            ),
            "detail:value+currency+max_decimals=0": (
                "“{value}” has decimal places, but amounts in {currency} are whole numbers. Enter "
                "the amount without decimals."
            ),
            "detail:field+value": "“{value}” is not a valid value for “{field}”.",
            "detail:field+value=missing": "No value was given for “{field}”. Enter an amount.",
            "detail:field=amount,recharge_amount+value": (
                "“{value}” is not a valid value for “{field}”. Enter an amount greater than zero."
            ),
            "detail:field=trigger,trigger_amount,charge+value": (
                "“{value}” is not a valid value for “{field}”. Enter 0 or a positive amount."
            ),
        },
        "de": {
            "title": "Ungültiger Betrag",
            "detail": (
                "Der Betrag ist ungültig. Geben Sie eine Zahl mit Punkt als Dezimaltrennzeichen "
                "ein, z. B. 25.00."
            ),
            "detail:value+currency": (
                "„{value}“ ist kein gültiger Betrag in {currency}. Geben Sie eine Zahl mit Punkt "
                "als Dezimaltrennzeichen ein, z. B. 25.00."
            ),
            "detail:value+currency+max_decimals": (
                "„{value}“ hat zu viele Nachkommastellen. Beträge in {currency} können höchstens "
                "{max_decimals} Nachkommastellen haben."
            ),
            "detail:value+currency+max_decimals=0": (
                "„{value}“ hat Nachkommastellen, Beträge in {currency} sind aber ganze Zahlen. "
                "Geben Sie den Betrag ohne Nachkommastellen ein."
            ),
            "detail:field+value": "„{value}“ ist kein gültiger Wert für „{field}“.",
            "detail:field+value=missing": (
                "Für „{field}“ wurde kein Wert angegeben. Geben Sie einen Betrag ein."
            ),
            "detail:field=amount,recharge_amount+value": (
                "„{value}“ ist kein gültiger Wert für „{field}“. Geben Sie einen Betrag größer als "
                "null ein."
            ),
            "detail:field=trigger,trigger_amount,charge+value": (
                "„{value}“ ist kein gültiger Wert für „{field}“. Geben Sie 0 oder einen positiven "
                "Betrag ein."
            ),
        },
        "zh": {
            "title": "金额无效",
            "detail": "金额无效。请输入数字，小数部分用英文句点分隔，例如 25.00。",
            "detail:value+currency": (
                "“{value}”不是有效的 {currency} 金额。请输入数字，小数部分用英文句点分隔，例如 "
                "25.00。"
            ),
            "detail:value+currency+max_decimals": (
                "“{value}”的小数位数过多。{currency} 金额最多只能有 {max_decimals} 位小数。"
            ),
            "detail:value+currency+max_decimals=0": (
                "“{value}”包含小数，但 {currency} 金额只能是整数。请输入不带小数的金额。"
            ),
            "detail:field+value": "“{value}”不是“{field}”的有效值。",
            "detail:field+value=missing": "未提供“{field}”。请输入金额。",
            "detail:field=amount,recharge_amount+value": (
                "“{value}”不是“{field}”的有效值。请输入大于零的金额。"
            ),
            "detail:field=trigger,trigger_amount,charge+value": (
                "“{value}”不是“{field}”的有效值。请输入零或正数金额。"
            ),
        },
    },
    "amount_too_large": {
        "en": {
            "title": "Amount too large",
            "detail": (
                "The amount is larger than the simulator accepts. One amount can be at most "
                "1000000000 in the tenant's currency."
            ),
            "detail:value+max+currency": (
                "“{value}” is larger than the simulator accepts. One amount can be at most "
                "{max} {currency}."
            ),
        },
        "de": {
            "title": "Betrag zu hoch",
            "detail": (
                "Der Betrag ist höher, als der Simulator annimmt. Ein einzelner Betrag darf "
                "höchstens 1000000000 in der Währung der Organisation sein."
            ),
            "detail:value+max+currency": (
                "„{value}“ ist höher, als der Simulator annimmt. Ein einzelner Betrag darf "
                "höchstens {max} {currency} sein."
            ),
        },
        "zh": {
            "title": "金额过大",
            "detail": "金额超出了模拟器可接受的范围。单笔金额最多为组织货币的 1000000000。",
            "detail:value+max+currency": (
                "“{value}”超出了模拟器可接受的范围。单笔金额最多为 {max} {currency}。"
            ),
        },
    },
    "balance_limit": {
        "en": {
            "title": "Balance limit reached",
            "detail": "This would take the balance above the most the simulator can hold.",
            "detail:amount+balance+max+currency": (
                "Adding {amount} to the balance of {balance} would take it above {max} "
                "{currency}, the most a balance can hold. Add a smaller amount."
            ),
        },
        "de": {
            "title": "Höchstsaldo erreicht",
            "detail": "Damit würde der Saldo das Maximum überschreiten, das der Simulator führt.",
            "detail:amount+balance+max+currency": (
                "Mit {amount} würde der Saldo von {balance} über {max} {currency} steigen, "
                "den höchsten möglichen Saldo. Laden Sie einen kleineren Betrag auf."
            ),
        },
        "zh": {
            "title": "已达到余额上限",
            "detail": "此操作会使余额超过模拟器可记录的上限。",
            "detail:amount+balance+max+currency": (
                "在 {balance} 的余额上添加 {amount} 会使余额超过上限 {max} {currency}。"
                "请添加较小的金额。"
            ),
        },
    },
    "invalid_country": {
        "en": {
            "title": "Invalid country or region code",
            "detail": (
                "Enter the country or region as a two-letter ISO 3166 code in capital letters, for "
                "example US or DE."
            ),
            "detail:field+value": (
                "“{value}” is not a valid code for “{field}”. Enter a two-letter ISO 3166 code in "
                "capital letters, for example US or DE."
            ),
        },
        "de": {
            "title": "Ungültiger Länder- oder Regionscode",
            "detail": (
                "Geben Sie das Land oder die Region als ISO-3166-Code aus zwei Großbuchstaben an, "
                "z. B. DE oder US."
            ),
            "detail:field+value": (
                "„{value}“ ist kein gültiger Code für „{field}“. Geben Sie einen ISO-3166-Code aus "
                "zwei Großbuchstaben an, z. B. DE oder US."
            ),
        },
        "zh": {
            "title": "国家或地区代码无效",
            "detail": "请使用由两个大写字母组成的 ISO 3166 代码表示国家或地区，例如 CN 或 US。",
            "detail:field+value": (
                "“{value}”不是“{field}”的有效代码。请输入由两个大写字母组成的 ISO 3166 代码，例如 "
                "CN 或 US。"
            ),
        },
    },
    "invalid_time": {
        "en": {
            "title": "Invalid time",
            "detail": (
                "The time is invalid. Enter a date and time with a time zone, for example "
                "2025-03-01T09:00:00Z."
            ),
            "detail:field+value": (
                "“{value}” is not a valid value for “{field}”. Enter a date and time with a time "
                "zone, for example 2025-03-01T09:00:00Z."
            ),
            "detail:field=by+value": (
                "“{value}” is not a valid value for “{field}”. Enter a time span, for example 1 "
                "day or 2 hours."
            ),
            "detail:field=months+value": (
                "“{value}” is not a valid value for “{field}”. Enter a whole number of months, for "
                "example 1."
            ),
        },
        "de": {
            "title": "Ungültige Zeitangabe",
            "detail": (
                "Die Zeitangabe ist ungültig. Geben Sie Datum und Uhrzeit mit Zeitzone an, z. B. "
                "2025-03-01T09:00:00Z."
            ),
            "detail:field+value": (
                "„{value}“ ist kein gültiger Wert für „{field}“. Geben Sie Datum und Uhrzeit mit "
                "Zeitzone an, z. B. 2025-03-01T09:00:00Z."
            ),
            "detail:field=by+value": (
                "„{value}“ ist kein gültiger Wert für „{field}“. Geben Sie eine Zeitspanne an, z. "
                "B. 1 Tag oder 2 Stunden."
            ),
            "detail:field=months+value": (
                "„{value}“ ist kein gültiger Wert für „{field}“. Geben Sie eine ganze Zahl von "
                "Monaten an, z. B. 1."
            ),
        },
        "zh": {
            "title": "时间无效",
            "detail": "时间无效。请输入带时区的日期和时间，例如 2025-03-01T09:00:00Z。",
            "detail:field+value": (
                "“{value}”不是“{field}”的有效值。请输入带时区的日期和时间，例如 "
                "2025-03-01T09:00:00Z。"
            ),
            "detail:field=by+value": (
                "“{value}”不是“{field}”的有效值。请输入时间跨度，例如 1 天或 2 小时。"
            ),
            "detail:field=months+value": "“{value}”不是“{field}”的有效值。请输入整数月数，例如 1。",
        },
    },
    "invalid_command": {
        "en": {
            "title": "Invalid request",
            "detail": "The request is incomplete or invalid. Check it, and then try again.",
            "detail:command": "The simulator doesn't support the command “{command}”.",
            "detail:field": "“{field}” is missing or invalid.",
            "detail:field+value": "“{value}” is not a valid value for “{field}”.",
            "detail:field=licenses": (
                "The licenses are missing or invalid. Specify which licenses the user has."
            ),
            "detail:field=licenses.calling_plan+value": (
                "“{value}” is not a known Calling Plan. Use domestic, international or "
                "pay_as_you_go."
            ),
            "detail:field=to|by|months": (
                "Specify exactly one of these: target time (to), time span (by) or number of "
                "months (months)."
            ),
            "detail:field=tenant_id": "The organization ID is missing. Enter an organization ID.",
        },
        "de": {
            "title": "Ungültige Anfrage",
            "detail": (
                "Die Anfrage ist unvollständig oder ungültig. Prüfen Sie sie, und versuchen Sie es "
                "erneut."
            ),
            "detail:command": "Der Simulator unterstützt den Befehl „{command}“ nicht.",
            "detail:field": "„{field}“ fehlt oder ist ungültig.",
            "detail:field+value": "„{value}“ ist kein gültiger Wert für „{field}“.",
            "detail:field=licenses": (
                "Die Lizenzangaben fehlen oder sind ungültig. Geben Sie an, welche Lizenzen der "
                "Benutzer hat."
            ),
            "detail:field=licenses.calling_plan+value": (
                "„{value}“ ist kein bekannter Anrufplan. Verwenden Sie domestic, international "
                "oder pay_as_you_go."
            ),
            "detail:field=to|by|months": (
                "Geben Sie genau eine dieser Angaben an: Zielzeitpunkt (to), Zeitspanne (by) oder "
                "Anzahl der Monate (months)."
            ),
            "detail:field=tenant_id": (
                "Die Organisations-ID fehlt. Geben Sie eine Organisations-ID an."
            ),
        },
        "zh": {
            "title": "请求无效",
            "detail": "请求不完整或无效。请检查后重试。",
            "detail:command": "模拟器不支持命令“{command}”。",
            "detail:field": "“{field}”缺失或无效。",
            "detail:field+value": "“{value}”不是“{field}”的有效值。",
            "detail:field=licenses": "许可证信息缺失或无效。请指定该用户拥有哪些许可证。",
            "detail:field=licenses.calling_plan+value": (
                "“{value}”不是已知的通话套餐。请使用 domestic、international 或 pay_as_you_go。"
            ),
            "detail:field=to|by|months": (
                "请在以下各项中只指定一项：目标时间（to）、时间跨度（by）或月数（months）。"
            ),
            "detail:field=tenant_id": "缺少组织 ID。请输入组织 ID。",
        },
    },
    "unknown_user": {
        "en": {
            "title": "Unknown user",
            "detail": (
                "The user doesn't exist in your organization. Check the user ID, or add the user "
                "first."
            ),
            "detail:user_id": (
                "There is no user “{user_id}” in your organization. Check the user ID, or add the "
                "user first."
            ),
        },
        "de": {
            "title": "Unbekannter Benutzer",
            "detail": (
                "Der Benutzer ist in Ihrer Organisation nicht vorhanden. Prüfen Sie die "
                "Benutzer-ID, oder fügen Sie den Benutzer zuerst hinzu."
            ),
            "detail:user_id": (
                "In Ihrer Organisation gibt es keinen Benutzer „{user_id}“. Prüfen Sie die "
                "Benutzer-ID, oder fügen Sie den Benutzer zuerst hinzu."
            ),
        },
        "zh": {
            "title": "未知用户",
            "detail": "你的组织中不存在该用户。请检查用户 ID，或先添加该用户。",
            "detail:user_id": "你的组织中不存在用户“{user_id}”。请检查用户 ID，或先添加该用户。",
        },
    },
    "user_exists": {
        "en": {
            "title": "User already exists",
            "detail": (
                "A user with this ID already exists in your organization. Use another user ID, or "
                "change the existing user's licenses instead."
            ),
            "detail:user_id": (
                "A user “{user_id}” already exists in your organization. Use another user ID, or "
                "change the existing user's licenses instead."
            ),
        },
        "de": {
            "title": "Benutzer bereits vorhanden",
            "detail": (
                "In Ihrer Organisation gibt es bereits einen Benutzer mit dieser ID. Verwenden Sie "
                "eine andere Benutzer-ID, oder ändern Sie stattdessen die Lizenzen des vorhandenen "
                "Benutzers."
            ),
            "detail:user_id": (
                "In Ihrer Organisation gibt es bereits einen Benutzer „{user_id}“. Verwenden Sie "
                "eine andere Benutzer-ID, oder ändern Sie stattdessen die Lizenzen des vorhandenen "
                "Benutzers."
            ),
        },
        "zh": {
            "title": "用户已存在",
            "detail": (
                "你的组织中已存在使用此 ID 的用户。请使用其他用户 ID，或改为更改现有用户的许可证。"
            ),
            "detail:user_id": (
                "你的组织中已存在用户“{user_id}”。请使用其他用户 ID，或改为更改现有用户的许可证。"
            ),
        },
    },
    "invalid_user": {
        "en": {
            "title": "Invalid user ID",
            "detail": "The user ID is empty. Enter a user ID, for example adele@contoso.com.",
            "detail:user_id": (
                "“{user_id}” is not a valid user ID. Enter the user ID as text, for example "
                "adele@contoso.com."
            ),
        },
        "de": {
            "title": "Ungültige Benutzer-ID",
            "detail": (
                "Die Benutzer-ID ist leer. Geben Sie eine Benutzer-ID ein, z. B. adele@contoso.com."
            ),
            "detail:user_id": (
                "„{user_id}“ ist keine gültige Benutzer-ID. Geben Sie die Benutzer-ID als Text "
                "ein, z. B. adele@contoso.com."
            ),
        },
        "zh": {
            "title": "用户 ID 无效",
            "detail": "用户 ID 为空。请输入用户 ID，例如 adele@contoso.com。",
            "detail:user_id": (
                "“{user_id}”不是有效的用户 ID。请以文本形式输入用户 ID，例如 adele@contoso.com。"
            ),
        },
    },
    "clock_backwards": {
        "en": {
            "title": "The clock can't go backwards",
            "detail": (
                "The simulated clock only moves forward. Choose the current simulated time or a "
                "later one."
            ),
            "detail:now+to": (
                "The simulated clock is at {now} and can't go back to {to}. Choose {now} or a "
                "later time."
            ),
        },
        "de": {
            "title": "Die Uhr kann nicht zurückgestellt werden",
            "detail": (
                "Die simulierte Uhr läuft nur vorwärts. Wählen Sie die aktuelle simulierte Zeit "
                "oder einen späteren Zeitpunkt."
            ),
            "detail:now+to": (
                "Die simulierte Uhr steht auf {now} und kann nicht auf {to} zurückgestellt werden. "
                "Wählen Sie {now} oder einen späteren Zeitpunkt."
            ),
        },
        "zh": {
            "title": "时钟不能倒退",
            "detail": "模拟时钟只能向前推进。请选择当前模拟时间或之后的时间。",
            "detail:now+to": "模拟时钟当前为 {now}，无法倒退到 {to}。请选择 {now} 或之后的时间。",
        },
    },
    "clock_too_far": {
        "en": {
            "title": "Too far ahead",
            "detail": (
                "One step can move the simulated clock at most 10 years ahead, and never past "
                "1 January 2200."
            ),
            "detail:field=months+max": (
                "“{field}” can be at most {max}: one step moves the simulated clock at most 10 "
                "years ahead."
            ),
            "detail:field=by+max": (
                "The time span (days and hours together) can be at most {max} days: one step "
                "moves the simulated clock at most 10 years ahead."
            ),
            "detail:field=to+max": (
                "“{field}” can be at most {max}: one step moves the simulated clock at most 10 "
                "years ahead of its current time."
            ),
            "detail:field+horizon": (
                "The simulated clock can't go past {horizon}. Choose a smaller value for “{field}”."
            ),
        },
        "de": {
            "title": "Zu weit in der Zukunft",
            "detail": (
                "Ein Schritt stellt die simulierte Uhr höchstens 10 Jahre vor und nie über den "
                "1. Januar 2200 hinaus."
            ),
            "detail:field=months+max": (
                "„{field}“ darf höchstens {max} sein: Ein Schritt stellt die simulierte Uhr "
                "höchstens 10 Jahre vor."
            ),
            "detail:field=by+max": (
                "Die Zeitspanne (Tage und Stunden zusammen) darf höchstens {max} Tage betragen: "
                "Ein Schritt stellt die simulierte Uhr höchstens 10 Jahre vor."
            ),
            "detail:field=to+max": (
                "„{field}“ darf höchstens {max} sein: Ein Schritt stellt die simulierte Uhr "
                "höchstens 10 Jahre über die aktuelle simulierte Zeit hinaus vor."
            ),
            "detail:field+horizon": (
                "Die simulierte Uhr kann nicht über {horizon} hinaus vorgestellt werden. Wählen "
                "Sie für „{field}“ einen kleineren Wert."
            ),
        },
        "zh": {
            "title": "时间超出范围",
            "detail": "每次最多只能将模拟时钟向前推进 10 年，且不能超过 2200 年 1 月 1 日。",
            "detail:field=months+max": (
                "“{field}”最多为 {max}：每次最多只能将模拟时钟向前推进 10 年。"
            ),
            "detail:field=by+max": (
                "时间跨度（天数和小时数合计）最多为 {max} 天："
                "每次最多只能将模拟时钟向前推进 10 年。"
            ),
            "detail:field=to+max": (
                "“{field}”最晚为 {max}：每次最多只能将模拟时钟从当前模拟时间向前推进 10 年。"
            ),
            "detail:field+horizon": "模拟时钟不能超过 {horizon}。请为“{field}”选择更小的值。",
        },
    },
}

# For a code this catalog does not know yet (a newer engine): names the code.
GENERIC_ERROR: dict[str, dict[str, str]] = {
    "en": {
        "title": "Request refused",
        "detail": "The simulator refused the request with the code “{code}”.",
    },
    "de": {
        "title": "Anfrage abgelehnt",
        "detail": "Der Simulator hat die Anfrage mit dem Code „{code}“ abgelehnt.",
    },
    "zh": {
        "title": "请求被拒绝",
        "detail": "模拟器拒绝了该请求，代码为“{code}”。",
    },
}

# Readable labels for the field names that refusals and API validation report.
FIELD_NAMES: dict[str, dict[str, str]] = {
    "amount": {
        "en": "Amount",
        "de": "Betrag",
        "zh": "金额",
    },
    "trigger": {
        "en": "Trigger amount",
        "de": "Auslösebetrag",
        "zh": "触发金额",
    },
    "trigger_amount": {
        "en": "Trigger amount",
        "de": "Auslösebetrag",
        "zh": "触发金额",
    },
    "recharge_amount": {
        "en": "Recharge amount",
        "de": "Aufladebetrag",
        "zh": "充值金额",
    },
    "last4": {
        "en": "Last 4 digits of the credit card",
        "de": "Letzte 4 Ziffern der Kreditkarte",
        "zh": "信用卡号后 4 位",
    },
    "exp_month": {
        "en": "Expiry month",
        "de": "Ablaufmonat",
        "zh": "到期月份",
    },
    "exp_year": {
        "en": "Expiry year",
        "de": "Ablaufjahr",
        "zh": "到期年份",
    },
    "country": {
        "en": "Country or region",
        "de": "Land oder Region",
        "zh": "国家或地区",
    },
    "currency": {
        "en": "Currency",
        "de": "Währung",
        "zh": "货币",
    },
    "user_id": {
        "en": "User ID",
        "de": "Benutzer-ID",
        "zh": "用户 ID",
    },
    "duration_seconds": {
        "en": "Call duration in seconds",
        "de": "Anrufdauer in Sekunden",
        "zh": "通话时长（秒）",
    },
    "destination": {
        "en": "Destination country or region",
        "de": "Zielland oder -region",
        "zh": "目的地国家或地区",
    },
    "number_type": {
        "en": "Number type",
        "de": "Rufnummerntyp",
        "zh": "号码类型",
    },
    "kind": {
        "en": "Call type",
        "de": "Anruftyp",
        "zh": "通话类型",
    },
    "name": {
        "en": "Name",
        "de": "Name",
        "zh": "名称",
    },
    "to": {
        "en": "Target time",
        "de": "Zielzeitpunkt",
        "zh": "目标时间",
    },
    "by": {
        "en": "Time span",
        "de": "Zeitspanne",
        "zh": "时间跨度",
    },
    "months": {
        "en": "Number of months",
        "de": "Anzahl der Monate",
        "zh": "月数",
    },
    "licenses": {
        "en": "Licenses",
        "de": "Lizenzen",
        "zh": "许可证",
    },
    "charge": {
        "en": "Call charge",
        "de": "Anrufgebühr",
        "zh": "通话费用",
    },
    "at": {
        "en": "Time",
        "de": "Zeitpunkt",
        "zh": "时间",
    },
    "now": {
        "en": "Current simulated time",
        "de": "Aktuelle simulierte Zeit",
        "zh": "当前模拟时间",
    },
    "tenant_id": {
        "en": "Organization ID",
        "de": "Organisations-ID",
        "zh": "组织 ID",
    },
    "licenses.calling_plan": {
        "en": "Calling Plan",
        "de": "Anrufplan",
        "zh": "通话套餐",
    },
}

# Values of ``license`` in ``license_missing`` (``helpsvc.credits.users.License``).
LICENSE_NAMES: dict[str, dict[str, str]] = {
    "audio_conferencing": {
        "en": "Audio Conferencing",
        "de": "Audiokonferenzen",
        "zh": "音频会议",
    },
    "phone_system": {
        "en": "Teams Phone Standard",
        "de": "Teams Phone Standard",
        "zh": "Teams Phone Standard",
    },
    "calling_plan": {
        "en": "Calling Plan",
        "de": "Anrufplan",
        "zh": "通话套餐",
    },
    "pay_as_you_go_plan": {
        "en": "Pay-As-You-Go Calling Plan",
        "de": "Anrufplan mit nutzungsbasierter Bezahlung",
        "zh": "即用即付通话套餐",
    },
    "communications_credits": {
        "en": "Communications Credits license",
        "de": "Kommunikationsguthaben-Lizenz",
        "zh": "通信点数许可证",
    },
}

# Values of ``service`` in ``rate_missing`` (``helpsvc.credits.tariff.RateService``).
SERVICE_NAMES: dict[str, dict[str, str]] = {
    "outbound": {
        "en": "outbound calls",
        "de": "ausgehende Anrufe",
        "zh": "呼出通话",
    },
    "toll_free_dial_in": {
        "en": "toll-free dial-in",
        "de": "gebührenfreie Einwahl",
        "zh": "免费电话拨入",
    },
}

# Values of ``number_type`` in ``rate_missing`` (``helpsvc.credits.tariff.NumberType``).
NUMBER_TYPE_NAMES: dict[str, dict[str, str]] = {
    "geographic": {
        "en": "geographic",
        "de": "Festnetz",
        "zh": "固定电话",
    },
    "mobile": {
        "en": "mobile",
        "de": "Mobilfunk",
        "zh": "手机",
    },
    "toll_free": {
        "en": "toll-free",
        "de": "gebührenfrei",
        "zh": "免费电话",
    },
}

# kind -> language -> {subject, happened[:...], next[:...]}; variants as for errors,
# matched against ``amount`` and ``reason`` (the raw ``ErrorCode`` value).
NOTIFICATIONS: dict[str, dict[str, dict[str, str]]] = {
    "recharge_succeeded": {
        "en": {
            "subject": "Communications Credits: auto-recharge succeeded for {tenant_name}",
            "happened": (
                "Auto-recharge added the recharge amount to the Communications Credits balance of "
                "{tenant_name}."
            ),
            "happened:amount": (
                "Auto-recharge added {amount} to the Communications Credits balance of "
                "{tenant_name}."
            ),
            "next": (
                "No action is needed. The amount was charged to your credit card. Credits that "
                "aren't used within 12 months expire."
            ),
        },
        "de": {
            "subject": (
                "Kommunikationsguthaben: Automatische Aufladung für {tenant_name} erfolgreich"
            ),
            "happened": (
                "Die automatische Aufladung hat den Aufladebetrag zum Saldo des "
                "Kommunikationsguthabens der Organisation {tenant_name} hinzugefügt."
            ),
            "happened:amount": (
                "Die automatische Aufladung hat {amount} zum Saldo des Kommunikationsguthabens der "
                "Organisation {tenant_name} hinzugefügt."
            ),
            "next": (
                "Sie müssen nichts tun. Der Betrag wurde Ihrer Kreditkarte belastet. Guthaben, das "
                "nicht innerhalb von 12 Monaten genutzt wird, verfällt."
            ),
        },
        "zh": {
            "subject": "通信点数：组织“{tenant_name}”的自动充值已成功",
            "happened": "自动充值已按充值金额为组织“{tenant_name}”的通信点数余额充值。",
            "happened:amount": "自动充值已为组织“{tenant_name}”的通信点数余额充值 {amount}。",
            "next": "你无需执行任何操作。该金额已从你的信用卡扣除。12 个月内未使用的资金将会过期。",
        },
    },
    "recharge_failed": {
        "en": {
            "subject": "Communications Credits: auto-recharge failed for {tenant_name}",
            "happened": "Auto-recharge for {tenant_name} failed. No funds were added.",
            "happened:amount": (
                "Auto-recharge of {amount} for {tenant_name} failed. No funds were added."
            ),
            "happened:reason": (
                "Auto-recharge for {tenant_name} failed ({reason}). No funds were added."
            ),
            "happened:amount+reason": (
                "Auto-recharge of {amount} for {tenant_name} failed ({reason}). No funds were "
                "added."
            ),
            "happened:reason=card_expired": (
                "Auto-recharge for {tenant_name} failed because the credit card on file has "
                "expired. No funds were added."
            ),
            "happened:amount+reason=card_expired": (
                "Auto-recharge of {amount} for {tenant_name} failed because the credit card on "
                "file has expired. No funds were added."
            ),
            "happened:reason=card_missing": (
                "Auto-recharge for {tenant_name} failed because no credit card is on file. No "
                "funds were added."
            ),
            "happened:amount+reason=card_missing": (
                "Auto-recharge of {amount} for {tenant_name} failed because no credit card is on "
                "file. No funds were added."
            ),
            "next": (
                "Check your credit card and the auto-recharge settings. If the balance is low, add "
                "funds manually so that calls paid from Communications Credits aren't refused."
            ),
            "next:reason=card_expired": (
                "Update the credit card, and then add funds manually so that calls paid from "
                "Communications Credits aren't refused. Auto-recharge tries again the next time "
                "the balance falls below the trigger amount."
            ),
            "next:reason=card_missing": (
                "Add a credit card, and then add funds manually so that calls paid from "
                "Communications Credits aren't refused. Auto-recharge tries again the next time "
                "the balance falls below the trigger amount."
            ),
        },
        "de": {
            "subject": (
                "Kommunikationsguthaben: Automatische Aufladung für {tenant_name} fehlgeschlagen"
            ),
            "happened": (
                "Die automatische Aufladung für die Organisation {tenant_name} ist fehlgeschlagen. "
                "Es wurde kein Guthaben hinzugefügt."
            ),
            "happened:amount": (
                "Die automatische Aufladung über {amount} für die Organisation {tenant_name} ist "
                "fehlgeschlagen. Es wurde kein Guthaben hinzugefügt."
            ),
            "happened:reason": (
                "Die automatische Aufladung für die Organisation {tenant_name} ist fehlgeschlagen "
                "({reason}). Es wurde kein Guthaben hinzugefügt."
            ),
            "happened:amount+reason": (
                "Die automatische Aufladung über {amount} für die Organisation {tenant_name} ist "
                "fehlgeschlagen ({reason}). Es wurde kein Guthaben hinzugefügt."
            ),
            "happened:reason=card_expired": (
                "Die automatische Aufladung für die Organisation {tenant_name} ist fehlgeschlagen, "
                "weil die hinterlegte Kreditkarte abgelaufen ist. Es wurde kein Guthaben "
                "hinzugefügt."
            ),
            "happened:amount+reason=card_expired": (
                "Die automatische Aufladung über {amount} für die Organisation {tenant_name} ist "
                "fehlgeschlagen, weil die hinterlegte Kreditkarte abgelaufen ist. Es wurde kein "
                "Guthaben hinzugefügt."
            ),
            "happened:reason=card_missing": (
                "Die automatische Aufladung für die Organisation {tenant_name} ist fehlgeschlagen, "
                "weil keine Kreditkarte hinterlegt ist. Es wurde kein Guthaben hinzugefügt."
            ),
            "happened:amount+reason=card_missing": (
                "Die automatische Aufladung über {amount} für die Organisation {tenant_name} ist "
                "fehlgeschlagen, weil keine Kreditkarte hinterlegt ist. Es wurde kein Guthaben "
                "hinzugefügt."
            ),
            "next": (
                "Prüfen Sie Ihre Kreditkarte und die Einstellungen der automatischen Aufladung. "
                "Ist der Saldo niedrig, laden Sie Guthaben manuell auf, damit Anrufe, die aus dem "
                "Kommunikationsguthaben bezahlt werden, nicht abgelehnt werden."
            ),
            "next:reason=card_expired": (
                "Aktualisieren Sie die Kreditkarte, und laden Sie dann Guthaben manuell auf, damit "
                "Anrufe, die aus dem Kommunikationsguthaben bezahlt werden, nicht abgelehnt "
                "werden. Die automatische Aufladung versucht es erneut, wenn der Saldo das nächste "
                "Mal unter den Auslösebetrag fällt."
            ),
            "next:reason=card_missing": (
                "Hinterlegen Sie eine Kreditkarte, und laden Sie dann Guthaben manuell auf, damit "
                "Anrufe, die aus dem Kommunikationsguthaben bezahlt werden, nicht abgelehnt "
                "werden. Die automatische Aufladung versucht es erneut, wenn der Saldo das nächste "
                "Mal unter den Auslösebetrag fällt."
            ),
        },
        "zh": {
            "subject": "通信点数：组织“{tenant_name}”的自动充值失败",
            "happened": "组织“{tenant_name}”的自动充值失败，未添加任何资金。",
            "happened:amount": "组织“{tenant_name}”的 {amount} 自动充值失败，未添加任何资金。",
            "happened:reason": "组织“{tenant_name}”的自动充值失败（{reason}），未添加任何资金。",
            "happened:amount+reason": (
                "组织“{tenant_name}”的 {amount} 自动充值失败（{reason}），未添加任何资金。"
            ),
            "happened:reason=card_expired": (
                "由于已保存的信用卡已过期，组织“{tenant_name}”的自动充值失败，未添加任何资金。"
            ),
            "happened:amount+reason=card_expired": (
                "由于已保存的信用卡已过期，组织“{tenant_name}”的 {amount} 自动充值失败，"
                "未添加任何资金。"
            ),
            "happened:reason=card_missing": (
                "由于尚未设置信用卡，组织“{tenant_name}”的自动充值失败，未添加任何资金。"
            ),
            "happened:amount+reason=card_missing": (
                "由于尚未设置信用卡，组织“{tenant_name}”的 {amount} 自动充值失败，未添加任何资金。"
            ),
            "next": (
                "请检查信用卡和自动充值设置。如果余额较低，请手动添加资金，"
                "以免由通信点数支付的通话被拒绝。"
            ),
            "next:reason=card_expired": (
                "请更新信用卡，然后手动添加资金，以免由通信点数支付的通话被拒绝。"
                "下次余额低于触发金额时，自动充值会再次尝试。"
            ),
            "next:reason=card_missing": (
                "请添加信用卡，然后手动添加资金，以免由通信点数支付的通话被拒绝。"
                "下次余额低于触发金额时，自动充值会再次尝试。"
            ),
        },
    },
    "credits_used_up": {
        "en": {
            "subject": "Communications Credits: the remaining credits of {tenant_name} are used up",
            "happened": (
                "The Communications Credits that {tenant_name} still had when it switched to "
                "NCE (New Commerce Experience) post-usage billing are used up. Calls are not "
                "refused: from now on, usage is billed as overage at the end of each billing "
                "period."
            ),
            "next": (
                "Nothing needs to be done to keep calls working. Review the overage on the "
                "invoice of the billing period; under NCE (New Commerce Experience), credits "
                "can no longer be bought."
            ),
        },
        "de": {
            "subject": (
                "Kommunikationsguthaben: Restguthaben der Organisation {tenant_name} ist "
                "aufgebraucht"
            ),
            "happened": (
                "Das Kommunikationsguthaben, das der Organisation {tenant_name} beim Wechsel zur "
                "Abrechnung nach Nutzung mit NCE (New Commerce Experience) geblieben war, ist "
                "aufgebraucht. Anrufe werden "
                "nicht abgelehnt: Ab jetzt wird die Nutzung am Ende jedes Abrechnungszeitraums "
                "als Mehrnutzung abgerechnet."
            ),
            "next": (
                "Damit Anrufe weiter funktionieren, müssen Sie nichts tun. Prüfen Sie die "
                "Mehrnutzung auf der Rechnung des Abrechnungszeitraums; unter NCE (New Commerce "
                "Experience) lässt sich kein Guthaben mehr kaufen."
            ),
        },
        "zh": {
            "subject": "通信点数：组织“{tenant_name}”的剩余额度已用完",
            "happened": (
                "组织“{tenant_name}”在切换到新商务体验（NCE）使用后计费时剩余的通信点数已经用完。"
                "通话不会被拒绝：从现在起，使用量将在每个计费周期结束时按超额使用计费。"
            ),
            "next": (
                "无需任何操作，通话会照常进行。请在该计费周期的账单中查看超额使用；"
                "在新商务体验（NCE）下已无法再购买通信点数。"
            ),
        },
    },
    "balance_not_positive": {
        "en": {
            "subject": "Communications Credits: balance for {tenant_name} is zero or below",
            "happened": (
                "The Communications Credits balance of {tenant_name} has reached zero or gone "
                "below zero. New calls paid from Communications Credits, such as toll-free "
                "dial-in, conference dial-out and international calls, are refused until the "
                "balance is above zero."
            ),
            "next": (
                "Add funds now. To keep the balance from running out again, turn on auto-recharge, "
                "or check its trigger amount and recharge amount if it's already on."
            ),
        },
        "de": {
            "subject": (
                "Kommunikationsguthaben: Saldo der Organisation {tenant_name} ist null oder negativ"
            ),
            "happened": (
                "Der Saldo des Kommunikationsguthabens der Organisation {tenant_name} ist auf null "
                "oder darunter gesunken. Neue Anrufe, die aus dem Kommunikationsguthaben bezahlt "
                "werden, etwa gebührenfreie Einwahlen, Anrufe aus Besprechungen und "
                "Auslandsanrufe, werden abgelehnt, bis der Saldo wieder über null liegt."
            ),
            "next": (
                "Laden Sie jetzt Guthaben auf. Damit der Saldo nicht erneut aufgebraucht wird, "
                "aktivieren Sie die automatische Aufladung, oder prüfen Sie Auslösebetrag und "
                "Aufladebetrag, falls sie bereits aktiviert ist."
            ),
        },
        "zh": {
            "subject": "通信点数：组织“{tenant_name}”的余额已降至零或以下",
            "happened": (
                "组织“{tenant_name}”的通信点数余额已降至零或以下。在余额恢复到零以上之前，"
                "由通信点数支付的新通话（例如免费电话拨入、会议拨出和国际通话）都会被拒绝。"
            ),
            "next": (
                "请立即添加资金。为避免余额再次用完，请启用自动充值；如果已经启用，"
                "请检查触发金额和充值金额。"
            ),
        },
    },
}

# Lines every notification body shares.
NOTIFICATION_LINES: dict[str, dict[str, str]] = {
    "en": {
        "time": "Time: {at}",
        "balance": "Current balance: {balance}",
        "closing": "This message was sent by the Communications Credits simulator.",
    },
    "de": {
        "time": "Zeitpunkt: {at}",
        "balance": "Aktueller Saldo: {balance}",
        "closing": "Diese Nachricht wurde vom Kommunikationsguthaben-Simulator gesendet.",
    },
    "zh": {
        "time": "时间：{at}",
        "balance": "当前余额：{balance}",
        "closing": "此邮件由通信点数模拟器发送。",
    },
}

_MONEY_PARAMS = ("amount", "balance", "debt")
_NAMED_VALUES: tuple[tuple[str, dict[str, dict[str, str]]], ...] = (
    ("license", LICENSE_NAMES),
    ("service", SERVICE_NAMES),
    ("number_type", NUMBER_TYPE_NAMES),
)


class _LenientFormatter(string.Formatter):
    """``str.format`` that renders a missing name as "" instead of raising ``KeyError``."""

    def get_value(self, key: int | str, args: Any, kwargs: Any) -> Any:
        if isinstance(key, str):
            return kwargs.get(key, "")
        return args[key] if key < len(args) else ""


_FORMATTER = _LenientFormatter()


def _fill(template: str, values: Mapping[str, str]) -> str:
    return _FORMATTER.vformat(template, (), dict(values))


def resolve_language(lang: str | None) -> str:
    """The catalog language for ``lang`` (``de-AT`` -> ``de``, ``zh-CN`` -> ``zh``).

    Anything else, Traditional Chinese included (see ``helpsvc.content.locales``), gets
    English.
    """
    if lang in LANGUAGES:
        return lang
    if isinstance(lang, str) and lang.strip():
        chosen = match_range(lang.strip().replace("_", "-"), LANGUAGES)
        if chosen:
            return chosen
    return DEFAULT_LANGUAGE


def _texts(entry: Mapping[str, Mapping[str, str]], lang: str) -> Mapping[str, str]:
    return entry.get(lang) or entry[DEFAULT_LANGUAGE]


@cache
def variant_requirements(key: str) -> tuple[tuple[str, frozenset[str] | None], ...]:
    """``"detail:field=a,b+value"`` -> ``(("field", {"a", "b"}), ("value", None))``."""
    _, _, spec = key.partition(":")
    requirements: list[tuple[str, frozenset[str] | None]] = []
    for part in spec.split("+"):
        if not part:
            continue
        name, has_values, allowed = part.partition("=")
        requirements.append((name, frozenset(allowed.split(",")) if has_values else None))
    return tuple(requirements)


def _pick(texts: Mapping[str, str], base: str, given: Mapping[str, str]) -> str:
    """The template of ``base`` (e.g. "detail") whose requirements ``given`` best meets."""
    best = texts[base]
    best_score = (0, 0)
    for key, template in texts.items():
        if not key.startswith(base + ":"):
            continue
        requirements = variant_requirements(key)
        if all(
            name in given and (allowed is None or given[name] in allowed)
            for name, allowed in requirements
        ):
            score = (len(requirements), sum(allowed is not None for _, allowed in requirements))
            if score > best_score:
                best, best_score = template, score
    return best


def _given(params: Mapping[str, Param | None] | None) -> dict[str, str]:
    """Parameters as strings, without the ones that are None or blank."""
    return {
        str(name): str(value)
        for name, value in (params or {}).items()
        if value is not None and str(value).strip()
    }


def _localized(given: Mapping[str, str], lang: str) -> dict[str, str]:
    values = dict(given)
    if "field" in values:
        values["field"] = field_label(values["field"], lang)
    for name, names in _NAMED_VALUES:
        if values.get(name) in names:
            values[name] = _texts(names[values[name]], lang)
    currency = given.get("currency")
    if currency:
        for name in _MONEY_PARAMS:
            if name in values:
                values[name] = f"{values[name]} {currency}"
    return values


def field_label(field: str, lang: str) -> str:
    """The readable label of an API or engine field name; unknown names come back as given.

    ``a|b`` (one of several fields) joins the labels with " / "; a dotted path such as
    ``licenses.calling_plan`` falls back to the label of its last part.
    """
    lang = resolve_language(lang)
    names = FIELD_NAMES.get(field)
    if names:
        return _texts(names, lang)
    if "|" in field:
        return " / ".join(field_label(part, lang) for part in field.split("|"))
    last = field.rsplit(".", 1)[-1]
    if last != field and last in FIELD_NAMES:
        return _texts(FIELD_NAMES[last], lang)
    return field


def error_title(code: str, lang: str) -> str:
    """Short title for a refusal code; a generic title for a code the catalog lacks."""
    lang = resolve_language(lang)
    entry = ERROR_MESSAGES.get(str(code))
    texts = _texts(entry, lang) if entry else _texts(GENERIC_ERROR, lang)
    return texts["title"]


def error_detail(code: str, params: Mapping[str, Param] | None, lang: str) -> str:
    """What went wrong and what to do, filled from the parameters the engine passed.

    The variant is chosen by which parameters are given (see the module docstring); an
    unknown code gets a generic sentence that names it.
    """
    lang = resolve_language(lang)
    entry = ERROR_MESSAGES.get(str(code))
    if entry is None:
        return _fill(_texts(GENERIC_ERROR, lang)["detail"], {"code": str(code)})
    given = _given(params)
    return _fill(_pick(_texts(entry, lang), "detail", given), _localized(given, lang))


def notification_email(
    kind: str,
    lang: str,
    *,
    tenant_name: str,
    balance: str,
    amount: str | None,
    reason_code: str | None,
    at: str,
) -> tuple[str, str]:
    """Subject and plain-text body of a ``NotificationQueued`` e-mail to the admins.

    ``balance``, ``amount`` and ``at`` are shown as given, so pass display strings (e.g.
    ``str(money)`` -> "412.30 USD"). The body has one line each for what happened, the time
    (left out when ``at`` is blank), the current balance, what to do next and a closing line,
    joined with "\\n" and without a trailing newline. Raises ``ValueError`` for an unknown
    ``kind``.
    """
    by_lang = NOTIFICATIONS.get(str(kind))
    if by_lang is None:
        raise ValueError(f"unknown notification kind: {kind!r}")
    lang = resolve_language(lang)
    texts = _texts(by_lang, lang)
    lines = _texts(NOTIFICATION_LINES, lang)
    given = _given({"amount": amount, "reason": reason_code})
    values = {"tenant_name": tenant_name, "balance": balance, "at": at, **given}
    if "reason" in given:
        reason = given["reason"]
        values["reason"] = error_title(reason, lang) if reason in ERROR_MESSAGES else reason
    body = [_fill(_pick(texts, "happened", given), values)]
    if at.strip():
        body.append(_fill(lines["time"], values))
    body.append(_fill(lines["balance"], values))
    body.append(_fill(_pick(texts, "next", given), values))
    body.append(lines["closing"])
    return _fill(texts["subject"], values), "\n".join(body)
