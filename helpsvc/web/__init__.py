"""Server-rendered pages of the service: templates, messages in en/de/zh, small assets."""
