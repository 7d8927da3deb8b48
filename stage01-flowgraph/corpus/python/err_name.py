"""An uncaught NameError: a name read before anything defines it."""


def report(items):
    for item in items:
        print("item", item)
    print("total", totl_of_all_the_items)  # error: NameError: name 'totl_of_all_the_items' is not defined


report([1, 2])
print("not reached")
# expect: item 1
# expect: item 2
