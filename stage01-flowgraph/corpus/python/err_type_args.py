"""An uncaught TypeError from a call with the wrong number of arguments; the innermost
frame is the caller's line, since the callee is never entered."""


def area(width, height):
    return width * height


print(area(2, 3))
print(area(2, 3, 4))  # error: TypeError: area() takes 2 positional arguments but 3 were given
# expect: 6
