"""All logic of the dashboard: extraction, warehouse build, queries, figures, i18n and URL state."""
