"""Scoring against gold labels: tags.py (countries, organisations, initiatives, dates) and
events.py (deal events). Deal scoring lives beside the deals, in deals/evaluate.py."""
