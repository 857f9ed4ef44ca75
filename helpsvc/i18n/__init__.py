"""Translated text of the service in one low layer: every package may word its messages here.

``site_messages`` holds the pages' and problems' text, ``credit_messages`` the credits
rules' refusals, field labels and notification e-mails (en, de, zh).
"""
