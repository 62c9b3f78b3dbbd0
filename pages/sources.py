"""Placeholder for the page 'sources' until its engineer replaces it: the shared frame and the page title only."""
from lib import page

page.setup("sources")
