"""newsprint: turn plain-text dumps of printed newspaper pages into a Pelican archive."""

from .plugin import register

__all__ = ["register"]
