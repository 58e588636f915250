"""`caconnect report`: one self-contained HTML page of the corpus's deals.

`assemble` (assemble.py, storylines.py) turns a corpus into a ReportData: plain data,
no charting library. `write_page` (page.py, figures.py) draws it with Plotly; only it
imports Plotly, and only the `report` command imports it.
"""
