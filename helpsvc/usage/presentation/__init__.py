"""A simulation shown to people: messages in English, German and Chinese (``messages``),
JSON for the API and ``--json`` (``summary``), charts as inline SVG (``charts``) and the
HTML report (``report``, with its templates and stylesheet in ``templates/``)."""
