# expect-error: 4: join() needs strs to join, but gets a list[int]
def csv_line(values):
    # Python raises TypeError: sequence item 0: expected str instance, int found
    return ",".join(values)


def entry_point(argv):
    print(csv_line([1, 2, 3]))
    return 0
