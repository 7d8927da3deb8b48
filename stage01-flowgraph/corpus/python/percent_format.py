"""%-formatting in full: flags (- + space 0 #), width and precision (also *), all the
conversions (d i u o x X e E f F g G c r s a %), and dict-based formatting."""

print("[%d] [%5d] [%-5d] [%05d] [%+d] [% d] [%i] [%u]" % (7, 7, 7, 7, 7, 7, -7, 7))
print("[%x] [%#X] [%#o] [%o]" % (3054, 3054, 8, -8))
print("[%e] [%E] [%.2e] [%12.3E]" % (12345.678, 0.000123, 1e100, -5.5))
print("[%f] [%F] [%.1f] [%8.3f] [%-8.1f] [%+.0f]" % (1.5, 2.25, 0.05, 3.14159, 2.0, 2.5))
print("[%g] [%G] [%.3g] [%g] [%g] [%#g]" % (0.00001234, 1e-10, 1234.5, 1e16, 100.0, 1.0))
print("[%c%c%c] [%r] [%s] [%a]" % (80, "y", 80, "it's", [1, "two"], "tab\t"))
print("[%*d] [%-*d] [%.*f] [%*.*f]" % (6, 42, 6, 42, 2, 3.14159, 8, 3, 2.71828))
print("[%10.3s] [%-10s] [%s]" % ("abcdef", "left", None))
print("%(name)s is %(age)d, %(name)r again" % {"name": "Ada", "age": 36})
print("100%% %s" % "sure", "%s" % (1, ), "%s" % ((1, 2),), "%d%%" % 50)
print("%s %s %s" % (True, 1.0, 10 ** 20), "%d" % 3.99, "%.3f" % 2, "%x" % 255)
try:
    print("%d %d" % (1,))
except TypeError as e:
    print("TypeError:", e)

# expect: [7] [    7] [7    ] [00007] [+7] [ 7] [-7] [7]
# expect: [bee] [0XBEE] [0o10] [-10]
# expect: [1.234568e+04] [1.230000E-04] [1.00e+100] [  -5.500E+00]
# expect: [1.500000] [2.250000] [0.1] [   3.142] [2.0     ] [+2]
# expect: [1.234e-05] [1E-10] [1.23e+03] [1e+16] [100] [1.00000]
# expect: [PyP] ["it's"] [[1, 'two']] ['tab\t']
# expect: [    42] [42    ] [3.14] [   2.718]
# expect: [       abc] [left      ] [None]
# expect: Ada is 36, 'Ada' again
# expect: 100% sure 1 (1, 2) 50%
# expect: True 1.0 100000000000000000000 3 2.000 ff
# expect: TypeError: not enough arguments for format string
