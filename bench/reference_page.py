"""Benchmark reference page: a title and one small Plotly line chart, the least a dashboard page can do."""
import plotly.graph_objects as go
import streamlit as st

st.title("Reference page")
# A synthetic ramp, not data: it only gives Plotly something to draw.
st.plotly_chart(go.Figure(go.Scatter(x=list(range(10)), y=list(range(10)), mode="lines")), key="ref")
