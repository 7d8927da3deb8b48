"""argv is the program's own list: new strings stored into it and appended to it must live as long
as it does, whatever the collector does meanwhile (at --stage=gc it is built through the
collector, from the raw strings a process starts with)."""
# args: red green blue


def shout(word, times):
    return (word.upper() + "!") * times


def entry_point(argv):
    for i in range(1, len(argv)):
        argv[i] = shout(argv[i], i)
    argv.append("appended-" + str(len(argv)))
    junk = []
    for k in range(3000):   # garbage, and collections, while only argv holds the new strings
        junk.append([str(k)] * 3)
        if len(junk) > 50:
            junk = []
    print(len(argv))
    for word in argv[1:]:
        print(word)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: 5
# expect: RED!
# expect: GREEN!GREEN!
# expect: BLUE!BLUE!BLUE!
# expect: appended-4
