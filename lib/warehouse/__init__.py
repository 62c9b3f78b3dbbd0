"""Build time: inputs (seeds, documents, catalog, datasets) -> one DuckDB warehouse. Never imports Streamlit or lib.ui."""
