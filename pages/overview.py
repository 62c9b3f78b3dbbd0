"""Placeholder for the Overview page: the page title and a plain index of what the warehouse holds."""
import streamlit as st

from lib import page
from lib.queries import REQUIRED_VIEWS, run

ctx = page.setup("overview")
st.subheader(ctx.t("overview.index"))
# View names are the query layer's constants, never user input, so naming them in the SQL text is safe.
counts = run(" UNION ALL ".join(f"SELECT '{view}' AS view, count(*) AS n FROM {view}" for view in REQUIRED_VIEWS))
st.dataframe(counts.rename(columns={"view": ctx.t("overview.view"), "n": ctx.t("overview.rows")}), hide_index=True)
