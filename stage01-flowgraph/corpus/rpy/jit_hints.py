"""@elidable and promote: an object model with maps (hidden classes), where attribute
lookup is elidable on a promoted map, as in PyPy's own object spaces."""
from rpython.rlib.jit import elidable, promote, unroll_safe, hint, JitDriver


class Map(object):
    def __init__(self):
        self.indexes = {}
        self.transitions = {}

    @elidable
    def getindex(self, name):
        return self.indexes.get(name, -1)

    @elidable
    def add_attribute(self, name):
        if name not in self.transitions:
            new = Map()
            copy_indexes(self.indexes, new.indexes)
            new.indexes[name] = len(self.indexes)
            self.transitions[name] = new
        return self.transitions[name]


@unroll_safe
def copy_indexes(source, dest):
    for key, value in source.items():
        dest[key] = value


EMPTY_MAP = Map()


class Obj(object):
    def __init__(self):
        self.map = EMPTY_MAP
        self.storage = []

    def getfield(self, name):
        map = promote(self.map)
        index = map.getindex(name)
        if index == -1:
            return -1
        return self.storage[index]

    def setfield(self, name, value):
        map = promote(self.map)
        index = map.getindex(name)
        if index != -1:
            self.storage[index] = value
            return
        self.map = map.add_attribute(name)
        self.storage.append(value)


driver = JitDriver(greens=[], reds=['i', 'total', 'objs'])


def sum_x(objs):
    i = 0
    total = 0
    while i < len(objs):
        driver.jit_merge_point(i=i, total=total, objs=objs)
        total += objs[i].getfield("x")
        i += 1
    return total


def entry_point(argv):
    objs = []
    for i in range(5):
        o = Obj()
        o.setfield("x", i)
        o.setfield("y", i * 10)
        if i % 2 == 0:
            o.setfield("z", -i)
        o.setfield("x", hint(i * 100, promote=True))
        objs.append(o)
    print("sum of x = %d" % sum_x(objs))
    print("%d %d %d" % (objs[2].getfield("z"), objs[3].getfield("z"), objs[4].getfield("y")))
    print("shared maps: %s %s" % (str(objs[0].map is objs[2].map),
                                  str(objs[0].map is objs[1].map)))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: sum of x = 1000
# expect: -2 -1 40
# expect: shared maps: True False
