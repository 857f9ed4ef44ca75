"""The translators' glossary: model, validation, term lint, TBX and CSV exchange."""
