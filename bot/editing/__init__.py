"""Tools for content editors: preview an answer without training, and a review report for managers."""
