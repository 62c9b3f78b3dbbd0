"""Placeholder for the page 'four_chains' until its engineer replaces it: the shared frame and the page title only."""
from lib import page

page.setup("four_chains")
