"""What the corpus generators (tests/*/make.py) share: they write workbooks by hand, byte by
byte, so that each can make the malformed ones a library would refuse to write; the A1 column
letters are the same in every one of them."""


def col(n):
    """The letters of column `n` counted from 0: 0 → A, 25 → Z, 26 → AA."""
    s = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s
