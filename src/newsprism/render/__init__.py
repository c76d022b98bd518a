"""Render: the same data as a terminal view (Rich) or as the JSON report contract."""
