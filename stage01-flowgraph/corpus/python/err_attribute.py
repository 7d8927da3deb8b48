"""An uncaught AttributeError naming the type and the missing attribute."""


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
print(p.x + p.y)
print(p.elevation)  # error: AttributeError: 'Point' object has no attribute 'elevation'
# expect: 3
