"""The service's words in one low layer: every package may word its messages here.

The modules hold the English of each text as a catalog entry (``helpsvc.catalog``); German
and Chinese come from the gettext catalogs in ``helpsvc/locale``. ``site_messages`` holds
the pages' and problems' text, ``credit_messages`` the credits rules' refusals, field labels
and notification e-mails, ``formats`` numbers, money, dates and lists by Babel.
"""
