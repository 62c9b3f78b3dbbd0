"""Placeholder for the page 'digital_services' until its engineer replaces it: the shared frame and the page title only."""
from lib import page

page.setup("digital_services")
