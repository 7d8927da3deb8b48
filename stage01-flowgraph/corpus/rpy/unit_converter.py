"""Unit conversion driven by tables built at import time: conversion functions as values
in a dict, a chain of converters unrolled with unrolling_iterable, prebuilt Unit
instances, and keyword and default arguments."""
from rpython.rlib.unroll import unrolling_iterable


class Unit(object):
    def __init__(self, name, symbol, to_base):
        self.name = name
        self.symbol = symbol
        self.to_base = to_base


LENGTHS = [Unit("millimetre", "mm", 0.001), Unit("centimetre", "cm", 0.01), Unit("metre", "m", 1.0),
           Unit("kilometre", "km", 1000.0), Unit("inch", "in", 0.0254), Unit("mile", "mi", 1609.344)]
BY_SYMBOL = {}
for _u in LENGTHS:
    BY_SYMBOL[_u.symbol] = _u


def c_to_f(x):
    return x * 9.0 / 5.0 + 32.0


def f_to_c(x):
    return (x - 32.0) * 5.0 / 9.0


def c_to_k(x):
    return x + 273.15


def k_to_c(x):
    return x - 273.15


TEMPERATURE = {("C", "F"): c_to_f, ("F", "C"): f_to_c, ("C", "K"): c_to_k, ("K", "C"): k_to_c}
STEPS = unrolling_iterable([("F", "C"), ("C", "K")])


def convert_length(value, source, target="m"):
    return value * BY_SYMBOL[source].to_base / BY_SYMBOL[target].to_base


def convert_temperature(value, source, target):
    if source == target:
        return value
    key = (source, target)
    if key in TEMPERATURE:
        return TEMPERATURE[key](value)
    return convert_temperature(TEMPERATURE[(source, "C")](value), "C", target)


def fahrenheit_to_kelvin(value):
    for source, target in STEPS:
        value = TEMPERATURE[(source, target)](value)
    return value


def describe(value, unit, digits=3):
    return ("%." + str(digits) + "f %s") % (value, unit.symbol)


def entry_point(argv):
    print(describe(convert_length(1.0, "mi"), BY_SYMBOL["m"]))
    print(describe(convert_length(1.0, "mi", target="km"), BY_SYMBOL["km"], digits=4))
    print(describe(convert_length(12.0, source="in", target="cm"), BY_SYMBOL["cm"], 2))
    for u in LENGTHS:
        print("1 %-10s = %12.6f m" % (u.name, convert_length(1.0, u.symbol)))
    for c in [-40.0, 0.0, 37.0, 100.0]:
        print("%6.1f C = %6.1f F = %6.2f K" % (c, convert_temperature(c, "C", "F"), convert_temperature(c, "C", "K")))
    print("212 F = %.2f K (two steps), %.2f K (unrolled)" % (convert_temperature(212.0, "F", "K"), fahrenheit_to_kelvin(212.0)))
    pick = c_to_f if len(argv) < 3 else c_to_k
    print("picked converter gives %.1f" % pick(20.0))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: 1609.344 m
# expect: 1.6093 km
# expect: 30.48 cm
# expect: 1 millimetre =     0.001000 m
# expect: 1 centimetre =     0.010000 m
# expect: 1 metre      =     1.000000 m
# expect: 1 kilometre  =  1000.000000 m
# expect: 1 inch       =     0.025400 m
# expect: 1 mile       =  1609.344000 m
# expect:  -40.0 C =  -40.0 F = 233.15 K
# expect:    0.0 C =   32.0 F = 273.15 K
# expect:   37.0 C =   98.6 F = 310.15 K
# expect:  100.0 C =  212.0 F = 373.15 K
# expect: 212 F = 373.15 K (two steps), 373.15 K (unrolled)
# expect: picked converter gives 68.0
