"""A test-only page for tests/browser/test_tables_fit.py: the four-chains gap map (lib/ui/chain_figures.py) drawn by
Streamlit's own Plotly with a title of ?lines= lines (1 to 3) in the narrowest window, in ?lang=, ?present=1 for
presentation mode."""
import itertools

import streamlit as st

from lib.queries import chains as q
from lib.ui import chain_figures, figures, page

# Clauses of a gap-map finding, added one by one until the title wraps to the wanted number of lines.
CLAUSES = {"zh": ("创新链与产业链的短板最多", "资金链与人才链的短板集中在新一代信息技术和生物产业", "跨链短板多涉及体制机制",
                  "高端装备与新材料次之"),
           "en": ("Most gaps are on the innovation and industrial chains",
                  "the capital and talent chains' gaps sit in new-generation IT and biotech",
                  "cross-chain gaps concern institutions", "high-end equipment and new materials follow")}

lang = st.query_params.get("lang", "en")
lines = int(st.query_params.get("lines", "3"))
present = st.query_params.get("present") == "1"
sizing = figures.PRESENTATION if present else figures.NORMAL
# The title's wrapping width as lib/ui/figures.py house_layout computes it.
units = int((sizing.assumed_width if sizing.width else figures.NARROWEST_PLOT_WIDTH - 20) / (sizing.title * 0.62))
separator = "，" if lang == "zh" else ", "
clauses = itertools.cycle(CLAUSES[lang])
title = next(clauses)
while len(figures.title_lines(title, units)) < lines:
    title += separator + next(clauses)
while len(figures.title_lines(title, units)) > lines:  # the last clause took it a line too far: drop its end
    title = title[:-1].rstrip("，, ")

st.set_page_config(layout="wide")
doc_ids = tuple(q.documents_with_gaps()["doc_id"])  # every document with gaps, as the page shows by default
matrix = chain_figures.gap_matrix(q.gap_counts(doc_ids), q.CHAINS, q.INDUSTRIES)
fig = chain_figures.heatmap_figure(matrix, title=title, subtitle="subtitle", source="source", lang=lang,
                                   present=present)
st.caption(f"title lines: {len(figures.title_lines(title, units))}")
page.plotly_chart(fig, config={}, key="heatmap", width="content" if present else "stretch")
