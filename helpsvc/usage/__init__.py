"""The PSTN usage report: reading and writing its CSV export, replay and funding advice.

Module map: ``columns`` (the export's columns and values), ``export`` (streaming reader of
the CSV or the admin center's zip: typed rows, bad rows with their row number, one error
for a wrong file), ``generate`` (synthetic exports), ``calls`` (row -> engine call),
``stats`` (spend per day, type and minute), ``replay`` (pure: calls + configuration ->
result, through ``helpsvc.credits``), ``advisor`` (trigger and recharge search, rule of
thumb), ``simulate`` (the passes over a file), ``summary`` (JSON), ``charts``/``report``
(HTML with inline SVG), ``messages`` (en/de/zh), ``cli`` (``helpsvc simulate``,
``helpsvc usage generate``).
"""
