"""The message catalog: every text the service shows, in gettext catalogs under ``locale/``.

English lives in the code, each text in an ``entry(context, english)`` whose context is a
stable id; German and Chinese live in ``helpsvc/locale/{de,zh}/LC_MESSAGES/helpsvc.po``,
where translators edit them with their own tools. ``make messages`` extracts the entries
with Babel, updates the catalogs and compiles them.
"""

from helpsvc.catalog.entries import Entry, PluralEntry, entry, plural_entry
from helpsvc.catalog.translations import LANGUAGES, translations

__all__ = ["LANGUAGES", "Entry", "PluralEntry", "entry", "plural_entry", "translations"]
