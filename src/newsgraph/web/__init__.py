"""The web UI: server-rendered pages (Jinja2, autoescaped), shipped CSS, no script, no CDN."""
