"""Importing a helper module next to the program: import, from-import, aliases, module
attributes, module-level state executed once, and __name__."""
import _helper_shapes
import _helper_shapes as shapes
from _helper_shapes import Circle, Square as Sq, total_area
import math as m

print(__name__, _helper_shapes.__name__, shapes is _helper_shapes)
print(shapes.loaded)
items = [Circle(1), Sq(2), shapes.Square(0.5)]
print(items)
print(round(total_area(items), 4), isinstance(items[1], shapes.Shape))
shapes.UNIT = 2.0
print(Sq(3).area(), _helper_shapes._private(), m.floor(m.pi))
import _helper_shapes
print(len(shapes.loaded), hasattr(shapes, "Circle"), hasattr(shapes, "Triangle"))

# expect: __main__ _helper_shapes True
# expect: ['_helper_shapes']
# expect: [Circle(area=3.14), Square(area=4.00), Square(area=0.25)]
# expect: 7.3916 True
# expect: 18.0 private 3
# expect: 1 True False
