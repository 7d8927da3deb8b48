"""``StringBuilder``: build a str piece by piece without quadratic copying.

Translated, it is a growable char buffer; untranslated, a list of pieces joined by
``build()``.
"""


class StringBuilder(object):

    def __init__(self, init_size=100):
        self._pieces = []
        self._length = 0

    def append(self, s):
        self._pieces.append(s)
        self._length += len(s)

    def append_slice(self, s, start, end):
        self.append(s[start:end])

    def append_multiple_char(self, c, times):
        self.append(c * times)

    def getlength(self):
        return self._length

    def build(self):
        result = "".join(self._pieces)
        self._pieces = [result]
        return result
