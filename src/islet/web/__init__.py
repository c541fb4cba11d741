"""Islet's web app: server-rendered pages over the core library (no medical logic here).

Start it with ``islet serve``; the ASGI factory is :func:`islet.web.app.create_app`.
"""
