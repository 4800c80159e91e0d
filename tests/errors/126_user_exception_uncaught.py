# A user exception class raised and never caught.
class ConfigError(Exception):
    pass
def load():
    raise ConfigError('missing setting')
load()
