"""An uncaught user-defined exception: the last stderr line is 'ClassName: message'."""


class ConfigError(Exception):
    pass


def read_setting(settings, key):
    if key not in settings:
        raise ConfigError("missing setting " + key)  # error: ConfigError: missing setting port
    return settings[key]


def entry_point(argv):
    settings = {"host": "localhost"}
    print("host = " + read_setting(settings, "host"))
    print("port = " + read_setting(settings, "port"))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: host = localhost
