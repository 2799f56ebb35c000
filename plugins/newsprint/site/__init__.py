"""The Pelican-facing parts: theme filters, reading fixes, page views, figures view, sitemap."""
