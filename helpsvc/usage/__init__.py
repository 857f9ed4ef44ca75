"""The PSTN usage report: its rows, reading and writing them, replay and funding advice.

Module map, model first:

* ``columns``: the export's columns and what their values mean;
* ``pstn``: ``PstnRow``, one typed row of the report, and how its cells are written;
* ``times``: the report's times (UTC, ``Z``), ``to_utc``;
* ``options``: the simulation's settings as typed, parsed for the CLI and the API;
* ``problems``: what reading reports: bad rows, notes, ``ExportError``, ``BadRowError``;
* ``reader``: ``open_export`` / ``read_lines`` / ``read_records`` -> ``ExportReader``,
  rows checked and typed as ``UsageRow``; ``csv_text`` (bytes to text lines, UTF-8 or
  Excel's UTF-16) and ``export_zip`` (the admin center's zip) serve it;
* ``writer``: ``pstn_csv``, the one writer of the report's CSV text;
* ``generate``: synthetic exports for demos, tests and benchmarks;
* ``calls``: a row -> the call the credits engine places;
* ``stats``: spend per day, call type and minute;
* ``replay``: pure, calls + a configuration -> result, through ``helpsvc.credits``;
* ``advisor``: the trigger and recharge search, and the guides' rule of thumb;
* ``simulate``: the passes over an export that make one simulation;
* ``presentation``: messages (en/de/zh), JSON summary, charts and the HTML report.

The ``helpsvc simulate`` and ``helpsvc usage generate`` commands live in ``helpsvc.cli``.
"""
