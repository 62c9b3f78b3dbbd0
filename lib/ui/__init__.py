"""Screen time: page frame, URL state, i18n, figures, citations and exports. Reads the warehouse only through lib.queries."""
