"""Text utilities with no knowledge of the data: numbers and dates in text, Chinese script,
term patterns, text widths and safe CSV. May import ``base``.
"""
