"""Renderers: model objects in, Rich renderables out. Nothing here prints."""
