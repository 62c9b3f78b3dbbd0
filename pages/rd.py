"""Placeholder for the page 'rd' until its engineer replaces it: the shared frame and the page title only."""
from lib import page

page.setup("rd")
