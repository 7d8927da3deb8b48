# expect-error: 12: function 'move' is called without its argument 'dy'
class Point:
    def __init__(self):
        self.x = 0

    def move(self, dx, dy):
        self.x += dx + dy


def entry_point(argv):
    p = Point()
    p.move(1)
    return 0
