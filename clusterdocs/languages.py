"""Language codes: the site's folder names and the BCP 47 tags pages declare."""

TAGS = {"en": "en", "zh": "zh-Hans"}


def bcp47(code: str) -> str:
    return TAGS.get(code, code)
