"""An INI-style configuration reader: sections of key = value lines into a dict of
dicts, typed getters that turn the built-in ValueError and KeyError into a ConfigError
carrying the section, key and line, and a check that translated and untranslated code
agree (we_are_translated)."""
from rpython.rlib.objectmodel import we_are_translated

TEXT = """
# server settings
[server]
host = example.org
port = 8080
debug = yes
ratio = 0.75

[limits]
connections = 250
timeout = soon
[empty]
"""


class ConfigError(Exception):
    def __init__(self, section, key, reason):
        self.section = section
        self.key = key
        self.reason = reason


class Config(object):
    def __init__(self):
        self.sections = {}
        self.order = []
        self.lines = {}

    def parse(self, text):
        current = ""
        number = 0
        for raw in text.split("\n"):
            number += 1
            line = raw.strip()
            if line == "" or line.startswith("#"):
                continue
            if line.startswith("[") and line.endswith("]"):
                current = line[1:-1]
                self.sections[current] = {}
                self.order.append(current)
                continue
            eq = line.find("=")
            if eq < 0 or current == "":
                raise ConfigError(current, line, "line %d is not 'key = value'" % number)
            key = line[:eq].strip()
            self.sections[current][key] = line[eq + 1:].strip()
            self.lines[current + "." + key] = number

    def get(self, section, key):
        try:
            return self.sections[section][key]
        except KeyError:
            raise ConfigError(section, key, "missing")

    def get_int(self, section, key, default=-1):
        try:
            text = self.sections[section][key]
        except KeyError:
            return default
        try:
            return int(text)
        except ValueError:
            raise ConfigError(section, key, "%r on line %d is not an int" % (text, self.lines[section + "." + key]))

    def get_float(self, section, key):
        return float(self.get(section, key))

    def get_bool(self, section, key):
        return self.get(section, key).lower() in ["yes", "true", "on", "1"]


def count_keys(config):
    if we_are_translated():
        n = 0
        for name in config.order:
            n += len(config.sections[name])
        return n
    return sum([len(config.sections[name]) for name in config.order])


def entry_point(argv):
    config = Config()
    config.parse(TEXT)
    print("sections " + str(config.order) + ", %d keys" % count_keys(config))
    print("server %s:%d debug=%s ratio=%.2f" % (config.get("server", "host"), config.get_int("server", "port"),
                                                  str(config.get_bool("server", "debug")), config.get_float("server", "ratio")))
    print("connections %d, retries %d" % (config.get_int("limits", "connections"), config.get_int("limits", "retries", default=3)))
    for section, key in [("limits", "timeout"), ("server", "user"), ("nowhere", "x")]:
        try:
            if key == "timeout":
                print("timeout %d" % config.get_int(section, key))
            else:
                print("value " + config.get(section, key))
        except ConfigError as e:
            print("config error [%s] %s: %s" % (e.section, e.key, e.reason))
    try:
        Config().parse("[a]\nno equals sign here")
    except ConfigError as e:
        print("parse error in [%s]: %s" % (e.section, e.reason))
    print(str(config.sections["empty"]) + " " + str(config.sections["limits"]))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: sections ['server', 'limits', 'empty'], 6 keys
# expect: server example.org:8080 debug=True ratio=0.75
# expect: connections 250, retries 3
# expect: config error [limits] timeout: 'soon' on line 11 is not an int
# expect: config error [server] user: missing
# expect: config error [nowhere] x: missing
# expect: parse error in [a]: line 2 is not 'key = value'
# expect: {} {'connections': '250', 'timeout': 'soon'}
