"""The web app over HTTP: JSON API, pages, CDS Hooks, headers, limits, privacy (TestClient or a
served process)."""
